// web-ext ships no types; this covers the one call tests/e2e/firefox-package.spec.ts makes.
declare module 'web-ext' {
  interface LintMessage {
    code: string;
    message: string;
    file?: string;
  }
  interface LintReport {
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'json' | 'text' | 'none' },
        options: { shouldExitProgram: boolean },
      ): Promise<LintReport>;
    };
  };
  export default webExt;
}
