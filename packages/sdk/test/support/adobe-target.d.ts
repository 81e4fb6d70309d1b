// Adobe's Target Node SDK ships no types; the differential test describes the part it uses.
declare module "@adobe/target-nodejs-sdk" {
  const TargetClient: unknown;
  export default TargetClient;
}
