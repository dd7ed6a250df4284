package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/privacy"
	entuser "github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// benchServer is a server over an in-memory SQLite database, called
// in-process through its full handler (logging, limits, authentication,
// GraphQL): what a request costs without the network.
type benchServer struct {
	server  *Server
	handler http.Handler
	counter *atomic.Int64
}

func newBenchServer(b *testing.B) *benchServer {
	b.Helper()
	counter := new(atomic.Int64)
	db := testdb.Open(b, testdb.SQLiteDSN(b), testdb.Options{Counter: counter})
	cfg := DefaultConfig()
	// A benchmark is one client sending far more than any real one: rate
	// limits off, or they would be what is measured.
	cfg.AuthHTTP.PerCredential, cfg.AuthHTTP.PerAddress, cfg.AuthHTTP.LoginPerMin = 0, 0, 0
	s := New(cfg, db, slog.New(slog.DiscardHandler))
	return &benchServer{server: s, handler: s.Handler(), counter: counter}
}

// account creates an account and returns an API token of it.
func (s *benchServer) account(b *testing.B, email string, role entuser.Role, scope *int) string {
	b.Helper()
	ctx := viewer.NewContext(context.Background(), viewer.System())
	u, err := s.server.Auth().CreateUser(ctx, auth.UserInput{Email: email, Password: userPassword, Role: role, ScopeID: scope, Clearance: entuser.ClearanceTUYET_MAT})
	if err != nil {
		b.Fatal(err)
	}
	tok, _, err := s.server.Auth().CreateToken(ctx, auth.TokenInput{UserID: u.ID, Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	return tok
}

// do serves one request and returns the recorded answer.
func (s *benchServer) do(h http.Handler, method, path string, body []byte, hdr map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// BenchmarkNestedQuery measures the five-level nested list query (8
// organisations → 8 directives each → 8 tasks each → their 3 assignments →
// the assignee), 1,536 assignments in one response, through the whole
// HTTP handler:
//
//   - admin: an unrestricted account; the privacy rules run on every query
//     but add no filter.
//   - scoped-viewer: an account scoped to the subtree that holds every row,
//     so it gets the same response as admin while every level carries its
//     visibility filter (path prefix on organisations, EXISTS over issuer,
//     recipients and assignees on directives, and through them on tasks
//     and assignments). The difference to admin is the cost of the filters
//     alone, not of a smaller answer.
//   - no-access-layer: admin's request with privacy.Allow decided in the
//     request context, so no privacy rule runs at all. This is the honest
//     baseline: the same HTTP, JSON, GraphQL parsing, validation,
//     complexity and resolvers as the other two, and only the access layer
//     left out. (Querying with the ent client directly would also leave out
//     everything but the SQL, and its difference to admin would not be the
//     access layer's cost.)
//
// stmts/op counts the SQL statements of one request. The filters add none:
// the scoped viewer's one more is the lookup of its scope's path when its
// token is resolved.
func BenchmarkNestedQuery(b *testing.B) {
	const n = 8
	s := newBenchServer(b)
	grid(b, s.server.db.Client, n)
	// Put every organisation under one root, sorting after them by name so
	// the first page of organisations is the same for every account.
	ctx := viewer.NewContext(context.Background(), viewer.System())
	c := s.server.db.Client
	root := c.Organization.Create().SetName("Ủy ban tỉnh (gốc)").SetSystem(organization.SystemPARTY).SetLevel(organization.LevelPROVINCIAL).SaveX(ctx)
	for _, id := range c.Organization.Query().Where(organization.IDNEQ(root.ID)).IDsX(ctx) {
		c.Organization.UpdateOneID(id).SetParentID(root.ID).ExecX(ctx)
	}
	admin := s.account(b, "admin@bench.vn", entuser.RoleADMIN, nil)
	scoped := s.account(b, "scoped@bench.vn", entuser.RoleVIEWER, &root.ID)

	body, _ := json.Marshal(map[string]any{"query": nestedQuery, "variables": map[string]any{"n": n}})
	noAccess := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.handler.ServeHTTP(w, r.WithContext(privacy.DecisionContext(r.Context(), privacy.Allow)))
	})
	cases := []struct {
		name    string
		token   string
		handler http.Handler
	}{
		{"admin", admin, s.handler},
		{"scoped-viewer", scoped, s.handler},
		{"no-access-layer", admin, noAccess},
	}
	// The three answer the same, so they do the same work but for the
	// access layer.
	var want []byte
	for _, tc := range cases {
		w := s.do(tc.handler, http.MethodPost, "/graphql", body, bearer(tc.token))
		if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%s: %d %s", tc.name, w.Code, clip(w.Body.String()))
		}
		if want == nil {
			want = w.Body.Bytes()
			if got := bytes.Count(want, []byte(`"role"`)); got != n*n*n*3 {
				b.Fatalf("%d assignments in the answer, want %d", got, n*n*n*3)
			}
		} else if !bytes.Equal(w.Body.Bytes(), want) {
			b.Fatalf("%s answers differently from %s", tc.name, cases[0].name)
		}
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			s.counter.Store(0)
			runs := 0
			for b.Loop() {
				w := s.do(tc.handler, http.MethodPost, "/graphql", body, bearer(tc.token))
				if w.Code != http.StatusOK {
					b.Fatalf("%d %s", w.Code, clip(w.Body.String()))
				}
				runs++
			}
			b.ReportMetric(float64(s.counter.Load())/float64(runs), "stmts/op")
		})
	}
}

// BenchmarkLogin measures a login: one argon2id hash (19 MiB, 2 passes)
// and the session and account writes. A login with an unknown email checks
// a dummy hash, so it costs about as much and does not tell which accounts
// exist.
func BenchmarkLogin(b *testing.B) {
	s := newBenchServer(b)
	s.account(b, "an@bench.vn", entuser.RoleVIEWER, nil)
	for _, tc := range []struct {
		name, email string
		status      int
	}{
		{"ok", "an@bench.vn", http.StatusOK},
		{"unknown-email", "nobody@bench.vn", http.StatusUnauthorized},
	} {
		body := loginBody(tc.email, userPassword)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if w := s.do(s.handler, http.MethodPost, "/auth/login", body, nil); w.Code != tc.status {
					b.Fatalf("%d %s", w.Code, w.Body.String())
				}
			}
		})
	}
}
