/** config/vite-yaml.ts turns a YAML import into its data. */
declare module '*.yml' {
  const data: unknown;
  export default data;
}
