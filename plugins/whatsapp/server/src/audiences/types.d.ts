import type { SkipReason, SkippedCounts } from '../../../shared/campaigns';
/** `POST /campaigns/preview`: what a launch of this template, mapping and audience would do. */
export type AudiencePreview = {
    template: {
        documentId: string;
        name: string;
        approvalStatus: string;
        body: string;
    };
    /** Candidates in the audience (each once). */
    total: number;
    /** Would be sent to. */
    send: number;
    skipped: number;
    skippedBy: SkippedCounts;
    /** A few recipients who would be sent to, rendered, then one of each skip reason. */
    samples: Array<{
        candidate: {
            documentId: string;
            name: string | null;
            phone: string | null;
        };
        send: boolean;
        skipReason: SkipReason | null;
        skipDetail: string | null;
        text: string;
        missing: number[];
    }>;
};
