import { Field, TextInput } from '@strapi/design-system';
import { useTranslate } from '../../../utils/useTranslate';
import { checkPhone } from './phone';

type Props = { value: string; onChange: (value: string) => void; defaultCountry: string; serverError?: string | undefined };

/** The number checked as it is typed; the hint shows the E.164 form it will be saved in. */
export const PhoneField = ({ value, onChange, defaultCountry, serverError }: Props) => {
  const t = useTranslate();
  const check = checkPhone(value, defaultCountry);
  const error =
    serverError ??
    (check.state === 'invalid' && value.replace(/\D/g, '').length >= 6
      ? t('candidates.form.phone.invalid', 'Not a valid number (numbers without + are read as {country})', { country: defaultCountry })
      : undefined);
  const hint =
    check.state === 'valid'
      ? t('candidates.form.phone.valid', 'Saved as {e164} ({formatted})', { e164: check.e164, formatted: check.formatted })
      : t('candidates.form.phone.hint', 'With the country code (+91…), or a national number of {country}', { country: defaultCountry });
  return (
    <Field.Root name="phone" required error={error} hint={hint}>
      <Field.Label>{t('candidates.form.phone', 'WhatsApp number')}</Field.Label>
      <TextInput value={value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} autoComplete="off" />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
