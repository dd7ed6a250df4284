package main

// End-to-end tests of the real binary: built once in TestMain, then run as
// a user runs it (flags, environment, signals), talking to it over HTTP.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/demo"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// bin is the chidao binary under test.
var bin string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "chidao-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer func() { _ = os.RemoveAll(dir) }()
		bin = filepath.Join(dir, "chidao")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build chidao:", err)
			return 1
		}
		return m.Run()
	}())
}

// env is the test process's environment without any CHIDAO_ setting, so
// the developer's own settings do not leak into the binary, plus extra.
func env(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CHIDAO_") {
			out = append(out, kv)
		}
	}
	return append(out, extra...)
}

// result of one finished command.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// run runs the binary to its end (at most timeout) and returns its output
// and exit code.
func run(t *testing.T, timeout time.Duration, environ []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = environ
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("chidao %s: still running after %s\nstderr: %s", strings.Join(args, " "), timeout, r.stderr)
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("chidao %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// syncBuffer collects a running process's stderr.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// running is a running `chidao serve`.
type running struct {
	url    string // http://127.0.0.1:PORT/
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan struct{}
	err    error // of Wait, once done is closed
}

// listening finds the bound URL in the text or JSON log.
var listening = regexp.MustCompile(`msg=listening url=(http://\S+/)|"msg":"listening","url":"(http://[^"]+/)"`)

// serve starts `chidao serve` with args and waits until it listens. The
// process is killed when the test ends if it is still running.
func serve(t *testing.T, environ []string, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	cmd := exec.CommandContext(ctx, bin, append([]string{"serve"}, args...)...)
	cmd.Env = environ
	cmd.WaitDelay = time.Second
	s := &running{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = s.stderr, s.stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start chidao serve: %v", err)
	}
	go func() {
		s.err = cmd.Wait()
		cancel()
		close(s.done)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-s.done
	})
	deadline := time.After(60 * time.Second)
	for {
		if m := listening.FindStringSubmatch(s.stderr.String()); m != nil {
			s.url = m[1] + m[2]
			return s
		}
		select {
		case <-s.done:
			t.Fatalf("chidao serve exited before listening (%v):\n%s", s.err, s.stderr)
		case <-deadline:
			t.Fatalf("chidao serve not listening after 60s:\n%s", s.stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// stop sends SIGTERM and expects a graceful exit with status 0.
func (s *running) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	start := time.Now()
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		t.Fatalf("chidao serve still running 10s after SIGTERM:\n%s", s.stderr)
	}
	if s.err != nil {
		t.Errorf("chidao serve exited with %v after SIGTERM, want status 0:\n%s", s.err, s.stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("graceful shutdown took %s", d)
	}
	if !strings.Contains(s.stderr.String(), "shutting down") {
		t.Errorf("no shutdown in the log:\n%s", s.stderr)
	}
}

// apiToken creates an account and an API token in the database the server
// uses (nothing in the CLI does that yet) and returns the token's secret.
func apiToken(t *testing.T, dsn string) string {
	t.Helper()
	ctx := viewer.NewContext(context.Background(), viewer.System())
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	svc := auth.New(db.Client, auth.DefaultConfig())
	u, err := svc.CreateUser(ctx, auth.UserInput{
		Email: "e2e@chidao.test", DisplayName: "e2e", Password: "correct horse battery staple",
		Role: user.RoleVIEWER, Clearance: user.ClearanceTUYET_MAT,
	})
	if err != nil {
		t.Fatalf("create account: %v", err)
	}
	secret, _, err := svc.CreateToken(ctx, auth.TokenInput{UserID: u.ID, Name: "e2e"})
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	return secret
}

func get(t *testing.T, u string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, http.Header, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(req.Context(), 20*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// gqlResponse is a GraphQL response with its data left to decode.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// postGraphQL sends query by POST, with the bearer token if any, and
// decodes the response.
func postGraphQL(t *testing.T, base, token, query string) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, err := http.NewRequest(http.MethodPost, base+"graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	status, _, text := do(t, req)
	return decodeGraphQL(t, status, text)
}

// getGraphQL sends query by GET, as urql does.
func getGraphQL(t *testing.T, base, token, query string) gqlResponse {
	t.Helper()
	h := http.Header{}
	if token != "" {
		h.Set("Authorization", "Bearer "+token)
	}
	status, _, text := get(t, base+"graphql?"+url.Values{"query": {query}}.Encode(), h)
	return decodeGraphQL(t, status, text)
}

func decodeGraphQL(t *testing.T, status int, text string) gqlResponse {
	t.Helper()
	var r gqlResponse
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		t.Fatalf("GraphQL response (status %d) is not JSON: %v\n%s", status, err, text)
	}
	if status != http.StatusOK && len(r.Errors) == 0 {
		t.Fatalf("GraphQL status %d without errors: %s", status, text)
	}
	return r
}

func (r gqlResponse) decode(t *testing.T, into any) {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("GraphQL errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, into); err != nil {
		t.Fatalf("GraphQL data: %v\n%s", err, r.Data)
	}
}

const directiveQuery = `{ directives(where:{symbol:"1416-CV/QU"}, first: 1) { edges { node { symbol tasks { totalCount edges { node { sectionPath assignments { edges { node { role organization { name } } } } } } } } } } }`

type directiveData struct {
	Directives struct {
		Edges []struct {
			Node struct {
				Symbol string
				Tasks  struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							SectionPath string
							Assignments struct {
								Edges []struct {
									Node struct {
										Role         string
										Organization struct{ Name string }
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

const countQuery = `{ directives(first: 100) { totalCount } }`

type countData struct {
	Directives struct{ TotalCount int }
}

// checkServing exercises a freshly started demo server: probes, the
// placeholder page, and GraphQL by POST and GET.
func checkServing(t *testing.T, s *running, token string) {
	t.Helper()
	if status, _, body := get(t, s.url+"healthz", nil); status != http.StatusOK || strings.TrimSpace(body) != "ok" {
		t.Errorf("GET /healthz = %d %q, want 200 ok", status, body)
	}
	if status, _, body := get(t, s.url+"readyz", nil); status != http.StatusOK {
		t.Errorf("GET /readyz = %d %q, want 200", status, body)
	}
	status, h, body := get(t, s.url, nil)
	if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("GET / = %d %s, want 200 text/html", status, h.Get("Content-Type"))
	}
	for _, want := range []string{"<html", "chidao", "Tiếng Việt", "English", "/graphql"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET / lacks %q", want)
		}
	}
	if h.Get("Content-Security-Policy") == "" {
		t.Error("GET / has no Content-Security-Policy")
	}

	// Without credentials the data is refused, with a code.
	anon := postGraphQL(t, s.url, "", countQuery)
	if len(anon.Errors) == 0 || anon.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("anonymous query: %+v, want an UNAUTHENTICATED error", anon)
	}

	var d directiveData
	postGraphQL(t, s.url, token, directiveQuery).decode(t, &d)
	if len(d.Directives.Edges) != 1 {
		t.Fatalf("directive 1416-CV/QU: %d found", len(d.Directives.Edges))
	}
	dir := d.Directives.Edges[0].Node
	if dir.Symbol != "1416-CV/QU" || dir.Tasks.TotalCount != 5 || len(dir.Tasks.Edges) != 5 {
		t.Errorf("%s has %d tasks (%d listed), want 5", dir.Symbol, dir.Tasks.TotalCount, len(dir.Tasks.Edges))
	}
	leads := map[string][]string{} // section → lead organisations
	for _, e := range dir.Tasks.Edges {
		task := e.Node
		if len(task.Assignments.Edges) == 0 {
			t.Errorf("task %s has no assignees", task.SectionPath)
		}
		for _, a := range task.Assignments.Edges {
			if a.Node.Organization.Name == "" {
				t.Errorf("task %s: an assignment names no organisation", task.SectionPath)
			}
			if a.Node.Role == "LEAD" {
				leads[task.SectionPath] = append(leads[task.SectionPath], a.Node.Organization.Name)
			}
		}
	}
	if !contains(leads["2"], "Hội đồng nhân dân quận Kiến An") {
		t.Errorf("task 2 is led by %q, want Hội đồng nhân dân quận Kiến An among them", leads["2"])
	}

	var c countData
	getGraphQL(t, s.url, token, countQuery).decode(t, &c)
	if want := demoDirectives(t); c.Directives.TotalCount != want {
		t.Errorf("GET /graphql: %d directives, want the demo's %d", c.Directives.TotalCount, want)
	}
}

// demoDirectives is the number of directives in the demo data: those kept
// as data and those registered from their text.
func demoDirectives(t *testing.T) int {
	t.Helper()
	d, err := demo.Read()
	if err != nil {
		t.Fatal(err)
	}
	return len(d.Directives) + len(d.Imports)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestServeDemoSQLite(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--demo", "--data", dir, "--addr", "127.0.0.1:0"}

	s := serve(t, env(), args...)
	if !strings.Contains(s.stderr.String(), "demo data loaded") {
		t.Errorf("first start: no demo load in the log:\n%s", s.stderr)
	}
	token := apiToken(t, store.SQLitePath(dir))
	checkServing(t, s, token)
	s.stop(t)

	// A second start on the same folder keeps the data and loads nothing.
	s = serve(t, env(), args...)
	if log := s.stderr.String(); !strings.Contains(log, "demo data not loaded") || strings.Contains(log, "schema migrated") {
		t.Errorf("second start: want no migration and no demo load:\n%s", log)
	}
	var c countData
	postGraphQL(t, s.url, token, countQuery).decode(t, &c)
	if want := demoDirectives(t); c.Directives.TotalCount != want {
		t.Errorf("after a restart: %d directives, want %d (the demo loaded once)", c.Directives.TotalCount, want)
	}
	s.stop(t)
}

func TestServeDemoPostgres(t *testing.T) {
	dsn := testdb.PostgresDSN(t)
	s := serve(t, env(), "--demo", "--db", dsn, "--data", t.TempDir(), "--addr", "127.0.0.1:0")
	checkServing(t, s, apiToken(t, dsn))
	s.stop(t)
}

func TestServeFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	s := serve(t, env("CHIDAO_DATA="+dir, "CHIDAO_ADDR=127.0.0.1:0", "CHIDAO_DEMO=true", "CHIDAO_LOG_FORMAT=json"))
	if !strings.Contains(s.stderr.String(), `"msg":"demo data loaded"`) {
		t.Errorf("CHIDAO_DEMO and CHIDAO_LOG_FORMAT not applied:\n%s", s.stderr)
	}
	if _, err := os.Stat(store.SQLitePath(dir)); err != nil {
		t.Errorf("CHIDAO_DATA not applied: %v", err)
	}
	s.stop(t)
}

func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	r := run(t, time.Minute, env(), "migrate", "--data", dir)
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("created schema version %d", store.SchemaVersion)) {
		t.Fatalf("first migrate: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, time.Minute, env(), "migrate", "--data", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "is current") {
		t.Fatalf("second migrate: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

func TestSeedCommand(t *testing.T) {
	dir := t.TempDir()
	r := run(t, time.Minute, env(), "seed", "--data", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "demo data loaded") {
		t.Fatalf("first seed: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, time.Minute, env(), "seed", "--data", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "already holds data") {
		t.Fatalf("second seed: exit %d, want 1 saying the database already holds data\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

func TestServeUnreachableDatabase(t *testing.T) {
	r := run(t, 30*time.Second, env(), "serve", "--db", "postgres://postgres:secret@127.0.0.1:1/x?sslmode=disable", "--addr", "127.0.0.1:0")
	if r.code == 0 {
		t.Fatalf("serve with an unreachable database exited 0:\n%s", r.stderr)
	}
	if r.took > 10*time.Second {
		t.Errorf("took %s to give up on a refused connection", r.took)
	}
	out := r.stdout + r.stderr
	if strings.Contains(out, "secret") {
		t.Errorf("the output shows the database password:\n%s", out)
	}
	if !strings.Contains(r.stderr, "127.0.0.1:1") || !strings.Contains(r.stderr, "cannot reach database") {
		t.Errorf("the error should name the unreachable database:\n%s", r.stderr)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"address without a port number", nil, []string{"--addr", "127.0.0.1:notaport"}, "notaport"},
		{"empty address", nil, []string{"--addr", ""}, "listen address is empty"},
		{"bad number in the environment", []string{"CHIDAO_MAX_PAGE_SIZE=abc"}, nil, "CHIDAO_MAX_PAGE_SIZE"},
		{"bad boolean in the environment", []string{"CHIDAO_DEMO=perhaps"}, nil, "CHIDAO_DEMO"},
		{"bad log level", nil, []string{"--log-level", "loud"}, `log level "loud"`},
		{"page size flag out of range", nil, []string{"--max-page-size", "0"}, "max page size 0"},
		{"unknown flag", nil, []string{"--no-such-flag"}, "no-such-flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"serve", "--data", t.TempDir()}, tc.args...)
			r := run(t, 30*time.Second, env(tc.env...), args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1\nstderr: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr should name the problem (%q):\n%s", tc.want, r.stderr)
			}
			if strings.Contains(r.stderr, "msg=listening") {
				t.Errorf("the server started:\n%s", r.stderr)
			}
		})
	}
}
