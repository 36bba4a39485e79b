package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"strconv"
	"time"

	"termite/eval"
	"termite/net"
	rt "termite/runtime"
)

// startNode gives in the node procedures and, with --node, makes it a
// node listening at once; it returns the node and an exit status (exitOK
// if all is well).
func startNode(in *eval.Interp, c *config) (*net.Node, int) {
	opts := net.Options{CookieFile: c.cookieFile}
	if s := os.Getenv("TERMITE_NODE_TIMEOUT"); s != "" {
		secs, err := strconv.ParseFloat(s, 64)
		if err != nil || secs <= 0 {
			fmt.Fprintf(os.Stderr, "termite: TERMITE_NODE_TIMEOUT: not a positive number of seconds: %q\n", s)
			return nil, exitUsage
		}
		opts.Timeout = time.Duration(secs * float64(time.Second))
	}
	if c.tlsCert != "" {
		cfg, err := tlsConfig(c)
		if err != nil {
			fmt.Fprintf(os.Stderr, "termite: --tls: %v\n", err)
			return nil, exitUsage
		}
		opts.TLS = cfg
	}
	if c.node != "" {
		opts.Announce = func(name string) {
			fmt.Fprintf(os.Stderr, "termite: node %s\n", name)
		}
	}
	node, err := net.Install(in, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "termite: installing the node procedures: %v\n", err)
		return nil, exitError
	}
	if c.node == "" {
		return node, exitOK
	}
	addr, ok := rt.NodeNamed(c.node)
	if !ok {
		fmt.Fprintf(os.Stderr, "termite: --node %s: expected HOST:PORT\n", c.node)
		return node, exitUsage
	}
	if _, err := node.Listen(addr.Host, addr.Port); err != nil {
		fmt.Fprintf(os.Stderr, "termite: --node %s: %v\n", c.node, err)
		return node, exitUnavailable
	}
	return node, exitOK
}

// tlsConfig loads the certificate of --tls and the authorities of
// --tls-ca: with them, a peer must show a certificate they signed.
func tlsConfig(c *config) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(c.tlsCert, c.tlsKey)
	if err != nil {
		return nil, err
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS13}
	if c.tlsCA != "" {
		pem, err := os.ReadFile(c.tlsCA)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s: no certificate found", c.tlsCA)
		}
		cfg.RootCAs, cfg.ClientCAs = pool, pool
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return cfg, nil
}

// serve keeps a node running after its script, until it is interrupted
// or a process calls exit.
func serve(in *eval.Interp, it *interrupter) int {
	err := it.run(func() error {
		_, err := in.RunSource([]byte("(%serve)"), "--serve")
		return err
	})
	if err != nil {
		return fail(err)
	}
	return exitOK
}
