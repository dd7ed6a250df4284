package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/demo"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// env is a real chidao server over a real database, reached over HTTP.
type env struct {
	t       *testing.T
	db      *store.DB
	srv     *httptest.Server
	counter *atomic.Int64
	server  *Server
	token   string // bearer token sent with requests; "" sends none
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// newEnv starts a server over a migrated database at dsn, with the demo
// data when withDemo is set.
func newEnv(t *testing.T, dsn string, withDemo bool, mutate ...func(*Config)) *env {
	t.Helper()
	counter := new(atomic.Int64)
	db := testdb.Open(t, dsn, testdb.Options{Counter: counter})
	if withDemo {
		if err := demo.Load(context.Background(), db.Client); err != nil {
			t.Fatalf("load demo: %v", err)
		}
	}
	cfg := DefaultConfig()
	for _, m := range mutate {
		m(&cfg)
	}
	logw := io.Discard
	if os.Getenv("CHIDAO_TEST_LOG") != "" {
		logw = os.Stderr
	}
	log := slog.New(slog.NewTextHandler(logw, nil))
	server := New(cfg, db, log)
	srv := httptest.NewServer(server.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, db: db, srv: srv, counter: counter, server: server}
	e.token = e.user("admin@test.vn", user.RoleADMIN, nil, user.ClearanceTUYET_MAT)
	return e
}

// user creates an account and returns an API token of it.
func (e *env) user(email string, role user.Role, scope *int, clearance user.Clearance) string {
	e.t.Helper()
	ctx := viewer.NewContext(context.Background(), viewer.System())
	u, err := e.server.Auth().CreateUser(ctx, auth.UserInput{Email: email, Password: "correct horse battery", Role: role, ScopeID: scope, Clearance: clearance})
	if err != nil {
		e.t.Fatalf("create user %s: %v", email, err)
	}
	tok, _, err := e.server.Auth().CreateToken(ctx, auth.TokenInput{UserID: u.ID, Name: "test"})
	if err != nil {
		e.t.Fatalf("create token for %s: %v", email, err)
	}
	return tok
}

// post sends a GraphQL request and decodes the answer.
func (e *env) post(query string, vars map[string]any) response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return e.raw(body)
}

func (e *env) raw(body []byte) response {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if e.token != "" {
		req.Header.Set("Authorization", "Bearer "+e.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("post: %v", err)
	}
	return decode(e.t, resp)
}

func decode(t *testing.T, resp *http.Response) response {
	t.Helper()
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("decode %d %q: %v", resp.StatusCode, clip(string(b)), err)
	}
	r.Status = resp.StatusCode
	return r
}

// ok fails the test if the response has errors, and decodes its data.
func (e *env) ok(query string, vars map[string]any, into any) {
	e.t.Helper()
	r := e.post(query, vars)
	if len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v\nquery: %s", r.Errors, query)
	}
	if into != nil {
		if err := json.Unmarshal(r.Data, into); err != nil {
			e.t.Fatalf("decode data %s: %v", clip(string(r.Data)), err)
		}
	}
}

// fails asserts the request fails with the code, and that the message
// contains every hint.
func (e *env) fails(query string, vars map[string]any, code string, hints ...string) response {
	e.t.Helper()
	r := e.post(query, vars)
	if len(r.Errors) == 0 {
		e.t.Fatalf("want error %s, got data %s", code, clip(string(r.Data)))
	}
	if r.code() != code {
		e.t.Fatalf("want error code %s, got %+v", code, r.Errors)
	}
	for _, h := range hints {
		if !strings.Contains(r.Errors[0].Message, h) {
			e.t.Fatalf("error %q does not mention %q", r.Errors[0].Message, h)
		}
	}
	return r
}

// count returns a root connection's totalCount.
func (e *env) count(root string) int {
	e.t.Helper()
	var out map[string]struct {
		TotalCount int `json:"totalCount"`
	}
	e.ok(`{ c: `+root+`(first: 0) { totalCount } }`, nil, &out)
	return out["c"].TotalCount
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

func each(t *testing.T, fn func(t *testing.T, dsn string)) { testdb.Each(t, fn) }

// get sends a GET request with the env's token.
func (e *env) get(path string) *http.Response {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if e.token != "" {
		req.Header.Set("Authorization", "Bearer "+e.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("get %s: %v", path, err)
	}
	return resp
}
