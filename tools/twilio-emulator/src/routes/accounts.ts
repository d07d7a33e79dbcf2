import { rfc2822 } from '../dates';
import { API_VERSION } from '../message-resource';
import { route, type Route, type RouteContext } from '../router';
import { notFound } from '../twilio-error';

/**
 * Account fetch (`GET /2010-04-01/Accounts/{Sid}.json`), which clients call to check their
 * credentials ("test connection"). The emulator has one account, active and upgraded unless told
 * otherwise (`POST /__emulator/account`). Like Twilio's,
 * the resource includes the auth token, so a client that echoes it whole is caught by tests.
 */
const fetchAccount = ({ core, params, url }: RouteContext) => {
  core.checkFailure('account', 'fetch');
  if (params.accountSid !== core.accountSid) throw notFound(url.pathname);
  const created = new Date(0);
  const base = `/${API_VERSION}/Accounts/${core.accountSid}`;
  return {
    status: 200,
    json: {
      auth_token: core.authToken,
      date_created: rfc2822(created),
      date_updated: rfc2822(created),
      friendly_name: core.senders.account.friendlyName,
      owner_account_sid: core.accountSid,
      sid: core.accountSid,
      status: core.senders.account.status,
      subresource_uris: { messages: `${base}/Messages.json` },
      type: core.senders.account.type,
      uri: `${base}.json`,
    },
  };
};

export const accountRoutes: Route[] = [route('GET', `/${API_VERSION}/Accounts/:accountSid.json`, fetchAccount)];
