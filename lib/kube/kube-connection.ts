/**
 * A connection to one API server, with everything the client needs to authenticate, read from a
 * kubeconfig or given directly. It holds credentials: nothing in this library prints it, and
 * errors name only the server and the source of the credentials, never their content.
 */
export interface KubeConnection {
  /** The API server's URL, e.g. `https://127.0.0.1:6443`. */
  readonly server: string;
  /**
   * CA certificates (PEM) the server's certificate must chain to.
   * @default - the system's trusted CAs
   */
  readonly certificateAuthority?: string;
  /**
   * Skip verifying the server's certificate (kubeconfig `insecure-skip-tls-verify`).
   * @default false
   */
  readonly insecureSkipTlsVerify?: boolean;
  /**
   * A bearer token.
   * @default - none
   */
  readonly token?: string;
  /**
   * A client certificate (PEM), with {@link clientKey}.
   * @default - none
   */
  readonly clientCertificate?: string;
  /**
   * The client certificate's private key (PEM).
   * @default - none
   */
  readonly clientKey?: string;
  /**
   * Where the connection came from, for messages: `~/.kube/config: context e2e`, say.
   * @default - the server
   */
  readonly source?: string;
}
