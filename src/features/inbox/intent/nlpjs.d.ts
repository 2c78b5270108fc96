// Minimal local types for the parts of NLP.js this module uses (the packages ship none).
declare module '@nlpjs/core' {
  export interface NlpjsContainer {
    use(item: unknown): void;
    get(name: string): unknown;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): Promise<NlpjsContainer>;
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpResult {
    intent: string;
    score: number;
    classifications?: NlpClassification[];
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>, container?: unknown);
    settings: Record<string, unknown>;
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-all' {
  export const LangAll: unknown;
}
