// oidc-provider ships no type declarations; it is used only in tests as a real identity provider.
declare module 'oidc-provider' {
  const Provider: any;
  export default Provider;
}
