// SQL files are imported as their text (see store/migrations/index.ts).
declare module '*.sql' {
  const text: string;
  export default text;
}
