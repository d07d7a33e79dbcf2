import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useCsvDownload, type ExportKind, type ExportParams } from '../api/exports';
import { useTranslate } from '../utils/useTranslate';

type Props = {
  kind: ExportKind;
  params?: ExportParams;
  label?: string;
  variant?: 'secondary' | 'tertiary';
  size?: 'S' | 'M' | 'L';
};

/** "Download CSV": fetches the export with the admin's token and saves it; busy while it runs. */
export const DownloadCsvButton = ({ kind, params = {}, label, variant = 'tertiary', size = 'S' }: Props) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const download = useCsvDownload();
  return (
    <Button
      variant={variant}
      size={size}
      startIcon={<Download />}
      loading={download.isPending}
      data-export={kind}
      onClick={() =>
        download.mutate(
          { kind, params },
          { onError: (error) => toggleNotification({ type: 'danger', message: error instanceof Error ? error.message : String(error) }) }
        )
      }
    >
      {label ?? t('exports.download', 'Download CSV')}
    </Button>
  );
};
