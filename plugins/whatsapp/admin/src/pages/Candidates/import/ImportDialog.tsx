import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Field, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import type { ImportMapping } from '../../../../../shared/candidate-import';
import { isRunning, useImport, useStartImportRun, useUploadImport } from '../../../api/candidate-import';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';
import { ColumnMapper, mappingProblem } from './ColumnMapper';
import { ImportCounts } from './ImportCounts';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';

type Props = {
  /** An import to come back to; none starts with choosing a file. */
  importId: string | null;
  onClose: () => void;
};

/**
 * Import candidates from a CSV or Excel file: choose the file, say where each column goes, look at
 * the dry run's report, then import. Runs go on on the server when the window is closed.
 */
export const ImportDialog = ({ importId: initialId, onClose }: Props) => {
  const t = useTranslate();
  const notifyError = useNotifyError();
  const [importId, setImportId] = useState<string | null>(initialId);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [remap, setRemap] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useUploadImport();
  const start = useStartImportRun();
  const current = useImport(importId);
  const view = current.data;

  useEffect(() => {
    if (view && mapping === null) setMapping(view.mapping);
  }, [view, mapping]);

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (uploaded) => {
        setImportId(uploaded.id);
        setMapping(uploaded.mapping);
      },
      onError: notifyError,
    });
  };
  const run = (kind: 'dry-run' | 'commit') => {
    if (!importId || !mapping) return;
    start.mutate({ id: importId, run: kind, mapping }, { onSuccess: () => setRemap(false), onError: notifyError });
  };

  const problem = mapping ? mappingProblem(mapping, t) : null;
  const step = !view
    ? 'file'
    : isRunning(view)
      ? 'running'
      : view.state === 'uploaded' || remap || (view.state === 'failed' && !view.commit)
        ? 'mapping'
        : view.state === 'dry-run-done'
          ? 'dry-run'
          : view.state === 'done'
            ? 'done'
            : 'failed';

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content style={{ width: 'min(96rem, 94vw)', maxWidth: 'none' }}>
        <Modal.Header>
          <Modal.Title>{view ? t('import.titleOf', 'Import candidates from {file}', { file: view.fileName }) : t('import.title', 'Import candidates')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-import-step={step}>
            {step === 'file' &&
              (importId && current.isLoading ? (
                <Loader />
              ) : (
                <Field.Root name="file" hint={t('import.file.hint', 'A CSV file (comma or semicolon separated) or an Excel workbook (.xlsx; its first sheet), with a header row.')}>
                  <Field.Label>{t('import.file.label', 'File')}</Field.Label>
                  <Flex gap={2}>
                    <Button variant="secondary" startIcon={<Upload />} loading={upload.isPending} onClick={() => fileInput.current?.click()}>
                      {t('import.file.choose', 'Choose a file')}
                    </Button>
                  </Flex>
                  <input
                    ref={fileInput}
                    type="file"
                    accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-label={t('import.file.label', 'File')}
                    style={{ display: 'none' }}
                    onChange={(event) => chooseFile(event.target.files?.[0])}
                  />
                  <Field.Hint />
                </Field.Root>
              ))}
            {step === 'mapping' && view && mapping && (
              <>
                {view.state === 'failed' && view.error && (
                  <Alert variant="danger" closeLabel={t('inbox.close', 'Close')} title={t('import.failed', 'The run stopped')}>
                    {view.error}
                  </Alert>
                )}
                <Typography>
                  {t('import.mapper.intro', 'Say where each column goes. Candidates are matched by their number: an existing one is updated, never opted back in, and an empty cell keeps what is stored.')}
                </Typography>
                <ColumnMapper headers={view.headers} samples={view.samples} mapping={mapping} onChange={setMapping} />
                {problem && (
                  <Typography textColor="danger600" data-testid="mapping-problem">
                    {problem}
                  </Typography>
                )}
              </>
            )}
            {step === 'running' && view && <ImportProgress view={view} />}
            {(step === 'dry-run' || step === 'done') && view && (
              <>
                <Box>
                  <Typography variant="delta" tag="h3">
                    {step === 'dry-run' ? t('import.dryRun.title', 'Dry run: what the import will do') : t('import.done.title', 'Import finished')}
                  </Typography>
                </Box>
                <ImportCounts counts={view.counts} dryRun={step === 'dry-run'} />
                <ImportReport importId={view.id} dryRun={step === 'dry-run'} />
              </>
            )}
            {step === 'failed' && view && (
              <Alert variant="danger" closeLabel={t('inbox.close', 'Close')} title={t('import.failed', 'The run stopped')}>
                {view.error ?? t('import.failed.unknown', 'The import stopped.')}
              </Alert>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{step === 'done' || step === 'running' ? t('import.close', 'Close') : t('import.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Flex gap={2}>
            {step === 'mapping' && (
              <Button onClick={() => run('dry-run')} disabled={!!problem} loading={start.isPending}>
                {t('import.dryRun.start', 'Check the file (dry run)')}
              </Button>
            )}
            {step === 'dry-run' && view && (
              <>
                <Button variant="secondary" onClick={() => setRemap(true)}>
                  {t('import.mapper.change', 'Change the columns')}
                </Button>
                <Button onClick={() => run('commit')} loading={start.isPending} disabled={view.counts.created + view.counts.updated === 0}>
                  {t('import.commit', 'Import {n, plural, one {# candidate} other {# candidates}}', { n: view.counts.created + view.counts.updated })}
                </Button>
              </>
            )}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
