import type { GoLiveLink } from '../../../shared/go-live';

/** Twilio console pages a fix is made on. */
export const CONSOLE = {
  account: { label: 'Twilio console: Account info', url: 'https://console.twilio.com/' },
  upgrade: { label: 'Upgrade the Twilio account', url: 'https://console.twilio.com/us1/billing/manage-billing/upgrade' },
  sandbox: { label: 'WhatsApp sandbox (join code)', url: 'https://console.twilio.com/us1/develop/sms/try-it-out/whatsapp-learn' },
  sandboxSettings: { label: 'WhatsApp sandbox settings', url: 'https://console.twilio.com/us1/develop/sms/settings/whatsapp-sandbox' },
  senders: { label: 'WhatsApp senders', url: 'https://console.twilio.com/us1/develop/sms/senders/whatsapp-senders' },
  services: { label: 'Messaging Services', url: 'https://console.twilio.com/us1/develop/sms/services' },
  numbers: { label: 'Active phone numbers', url: 'https://console.twilio.com/us1/develop/phone-numbers/manage/incoming' },
  templates: { label: 'Content template builder', url: 'https://console.twilio.com/us1/develop/sms/content-template-builder' },
  errors: { label: 'Error logs', url: 'https://console.twilio.com/us1/monitor/logs/debugger/errors' },
} satisfies Record<string, GoLiveLink>;
