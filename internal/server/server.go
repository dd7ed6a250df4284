// Package server is chidao's HTTP server: GraphQL at /graphql, health and
// readiness probes, and the embedded admin app at /. It keeps no state of
// its own, so several instances can serve one PostgreSQL database.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/viewer"
)

// Config of the HTTP server.
type Config struct {
	Addr            string        // listen address, e.g. 127.0.0.1:8080
	MaxBodyBytes    int64         // largest request body accepted
	RequestTimeout  time.Duration // longest a GraphQL request may run
	ShutdownTimeout time.Duration // how long in-flight requests may finish on stop
	GraphQL         GraphQLConfig
	Auth            auth.Config
	AuthHTTP        auth.HTTPConfig
}

// DefaultConfig runs with zero setup.
func DefaultConfig() Config {
	return Config{
		Addr:            "127.0.0.1:8080",
		MaxBodyBytes:    2 << 20,
		RequestTimeout:  30 * time.Second,
		ShutdownTimeout: 15 * time.Second,
		GraphQL: GraphQLConfig{
			Introspection:   true,
			ComplexityLimit: 10_000_000,
			DefaultPageSize: 100,
			MaxPageSize:     1000,
			QueryCacheSize:  1000,
			APQCacheSize:    1000,
			RoleBudgets: map[viewer.Role]int{
				viewer.RoleReporter: 2_000_000,
				viewer.RoleEmbed:    1_000_000,
			},
			RolePageCaps: map[viewer.Role]int{
				viewer.RoleEmbed: 200,
			},
		},
		Auth:     auth.DefaultConfig(),
		AuthHTTP: auth.DefaultHTTPConfig(),
	}
}

// Server is a configured chidao HTTP server.
type Server struct {
	cfg  Config
	db   *store.DB
	log  *slog.Logger
	mux  *http.ServeMux
	auth *auth.Service
}

// New builds the server's routes over an open, migrated database.
func New(cfg Config, db *store.DB, log *slog.Logger) *Server {
	s := &Server{cfg: cfg, db: db, log: log, mux: http.NewServeMux(), auth: auth.New(db.Client, cfg.Auth)}
	cfg.AuthHTTP.MaxBodyBytes = cfg.MaxBodyBytes
	ah := auth.NewHTTP(s.auth, cfg.AuthHTTP, log)
	ah.Routes(s.mux)
	gql := newGraphQL(db.Client, s.auth, cfg.GraphQL, log)
	s.mux.Handle("/graphql", s.limits(ah.Middleware(gql)))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	s.mux.HandleFunc("GET /readyz", s.ready)
	s.mux.Handle("/", spa())
	return s
}

// Auth is the server's credential service (bootstrap, CLI).
func (s *Server) Auth() *auth.Service { return s.auth }

// Handler is the whole server as an http.Handler, with request logging.
func (s *Server) Handler() http.Handler { return s.logRequests(s.mux) }

// ready answers 200 when the database answers and has this binary's schema.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.SQL.PingContext(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready: database unreachable", "err", err)
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	if err := s.db.CheckSchema(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready", "err", err)
		http.Error(w, "database schema is not current", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// limits bounds the body size and the running time of a GraphQL request.
func (s *Server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBodyBytes {
			writeJSONError(w, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
				fmt.Sprintf("request body is %d bytes; the limit is %d", r.ContentLength, s.cfg.MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Run serves until ctx is cancelled, then shuts down gracefully: it stops
// accepting, lets in-flight requests finish (up to ShutdownTimeout) and
// returns. ready, if not nil, receives the bound address once listening.
func (s *Server) Run(ctx context.Context, ready func(addr net.Addr)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.cfg.RequestTimeout + 10*time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
