package main

// End-to-end tests of accounts and tokens: `chidao user`, `chidao token`
// and the first administrator, run on the binary that main_test.go builds
// (bin) against a running `chidao serve`.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chidao/chidao/internal/demo"
	"github.com/chidao/chidao/internal/testdb"
)

// runInput runs the binary like run, with stdin.
func runInput(t *testing.T, stdin string, environ []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = environ
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("chidao %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// ok runs the binary and fails the test unless it exits 0.
func ok(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, time.Minute, env(), args...)
	if r.code != 0 {
		t.Fatalf("chidao %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// fails runs the binary and expects exit 1 with want in stderr.
func fails(t *testing.T, want string, args ...string) {
	t.Helper()
	r := run(t, time.Minute, env(), args...)
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("chidao %s: exit %d, want 1 saying %q\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
}

// login signs in at /auth/login and returns the status and whether the
// account must change its password.
func login(t *testing.T, base, email, password string) (status int, mustChange bool) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req, err := http.NewRequest(http.MethodPost, base+"auth/login", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	status, _, text := do(t, req)
	var out struct {
		User struct{ MustChangePassword bool }
	}
	if status == http.StatusOK {
		if err := json.Unmarshal([]byte(text), &out); err != nil {
			t.Fatalf("login answer: %v\n%s", err, text)
		}
	}
	return status, out.User.MustChangePassword
}

// lastLine is a command's last line of output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

var oneTimePassword = regexp.MustCompile(`Mật khẩu / Password:\s+(\S+)`)

func TestUserCommands(t *testing.T) {
	db := []string{"--data", t.TempDir()}
	ok(t, append([]string{"seed"}, db...)...)
	user := func(args ...string) []string { return append(append([]string{"user"}, args...), db...) }

	// create: a random one-time password, printed once; a scope by name.
	r := ok(t, user("create", "--email", "Lan@Chidao.Test", "--role", "reporter", "--scope", "Hội Chữ thập đỏ quận Kiến An", "--name", "Lan")...)
	if !strings.Contains(r.stdout, "created lan@chidao.test: REPORTER, scope Hội Chữ thập đỏ quận Kiến An, clearance NONE") {
		t.Errorf("user create said:\n%s", r.stdout)
	}
	m := regexp.MustCompile(`one-time password .*: (\S+)\n$`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("user create printed no one-time password:\n%s", r.stdout)
	}
	generated := m[1]

	// create from stdin; the password is not echoed.
	r = runInput(t, "a long enough password\n", env(), user("create", "--email", "minh@chidao.test", "--role", "EDITOR", "--clearance", "mat", "--password-stdin")...)
	if r.code != 0 || strings.Contains(r.stdout, "password") {
		t.Fatalf("user create --password-stdin: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}

	for _, tc := range []struct {
		name, want string
		args       []string
	}{
		{"duplicate", "an account with email lan@chidao.test already exists", []string{"--email", "LAN@chidao.test", "--role", "viewer"}},
		{"unknown role", `unknown role "boss"`, []string{"--email", "x@chidao.test", "--role", "boss"}},
		{"unknown organisation", `no organisation is named "Ban Không Có"`, []string{"--email", "x@chidao.test", "--role", "viewer", "--scope", "Ban Không Có"}},
		{"unknown organisation id", "no organisation has the id 12", []string{"--email", "x@chidao.test", "--role", "viewer", "--scope", "12"}},
		{"bad email", "is not an email address", []string{"--email", "not-an-email", "--role", "viewer"}},
		{"unknown clearance", `unknown clearance "secret"`, []string{"--email", "x@chidao.test", "--role", "viewer", "--clearance", "secret"}},
	} {
		t.Run(tc.name, func(t *testing.T) { fails(t, tc.want, user(append([]string{"create"}, tc.args...)...)...) })
	}
	fails(t, "no account has the email nobody@chidao.test", user("passwd", "--email", "nobody@chidao.test")...)
	if r := runInput(t, "short\n", env(), user("passwd", "--email", "minh@chidao.test", "--password-stdin")...); r.code != 1 || !strings.Contains(r.stderr, "at least 10 characters") {
		t.Errorf("passwd with a short password: exit %d\nstderr: %s", r.code, r.stderr)
	}

	// set: a scope by name, then none.
	ok(t, user("set", "--email", "minh@chidao.test", "--scope", "Quận ủy Kiến An", "--role", "viewer")...)
	r = ok(t, user("set", "--email", "minh@chidao.test", "--no-scope", "--clearance", "TOI_MAT")...)
	if !strings.Contains(r.stdout, "minh@chidao.test: VIEWER, scope all organisations, clearance TOI_MAT") {
		t.Errorf("user set said:\n%s", r.stdout)
	}

	s := serve(t, env(), append([]string{"--addr", "127.0.0.1:0"}, db...)...)
	if status, must := login(t, s.url, "lan@chidao.test", generated); status != http.StatusOK || !must {
		t.Errorf("sign in with the one-time password: %d (must change %v), want 200 and must change", status, must)
	}
	if status, _ := login(t, s.url, "minh@chidao.test", "a long enough password"); status != http.StatusOK {
		t.Errorf("sign in with the password from stdin: %d", status)
	}
	if status, _ := login(t, s.url, "analyst@demo.chidao.vn", demo.Password); status != http.StatusOK {
		t.Errorf("sign in as the demo analyst: %d", status)
	}

	// passwd: the old password stops working, the new one works.
	r = runInput(t, "another long password\r\n", env(), user("passwd", "--email", "minh@chidao.test", "--password-stdin")...)
	if r.code != 0 {
		t.Fatalf("user passwd: exit %d\n%s", r.code, r.stderr)
	}
	if status, _ := login(t, s.url, "minh@chidao.test", "a long enough password"); status != http.StatusUnauthorized {
		t.Errorf("sign in with the old password: %d, want 401", status)
	}
	if status, must := login(t, s.url, "minh@chidao.test", "another long password"); status != http.StatusOK || must {
		t.Errorf("sign in with the new password: %d (must change %v), want 200", status, must)
	}

	// disable refuses sign-in; enable allows it again.
	ok(t, user("disable", "--email", "minh@chidao.test")...)
	if status, _ := login(t, s.url, "minh@chidao.test", "another long password"); status != http.StatusUnauthorized {
		t.Errorf("sign in while disabled: %d, want 401", status)
	}
	r = ok(t, user("list")...)
	row := regexp.MustCompile(`(?m)^minh@chidao\.test\s+VIEWER\s+all\s+TOI_MAT\s+yes\s+\d{4}-\d\d-\d\d \d\d:\d\d$`)
	if !row.MatchString(r.stdout) {
		t.Errorf("user list does not show minh as a disabled viewer who signed in:\n%s", r.stdout)
	}
	for _, want := range []string{"EMAIL", "LAST LOGIN", "lan@chidao.test", "Hội Chữ thập đỏ quận Kiến An", "viewer@demo.chidao.vn", "Quận ủy Kiến An"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("user list lacks %q:\n%s", want, r.stdout)
		}
	}
	ok(t, user("enable", "--email", "minh@chidao.test")...)
	if status, _ := login(t, s.url, "minh@chidao.test", "another long password"); status != http.StatusOK {
		t.Errorf("sign in after enable: %d, want 200", status)
	}
	s.stop(t)
}

// testTokens creates, uses and revokes a token of the demo analyst on a
// demo server over the database given by db (flags).
func testTokens(t *testing.T, db []string) {
	s := serve(t, env(), append([]string{"--demo", "--addr", "127.0.0.1:0"}, db...)...)
	if strings.Contains(s.stderr.String(), "Password") {
		t.Errorf("a one-time password was printed though the demo has an administrator:\n%s", s.stderr)
	}
	token := func(args ...string) []string { return append(append([]string{"token"}, args...), db...) }

	r := ok(t, token("create", "--email", "analyst@demo.chidao.vn", "--name", "e2e", "--expires", "30d")...)
	secret := lastLine(r.stdout)
	if !regexp.MustCompile(`^chd_[a-z2-7]{52}$`).MatchString(secret) {
		t.Fatalf("the last line is not a token alone: %q\n%s", secret, r.stdout)
	}
	viewerSecret := lastLine(ok(t, token("create", "--email", "viewer@demo.chidao.vn")...).stdout)

	bearer := func(secret string) http.Header { return http.Header{"Authorization": {"Bearer " + secret}} }
	status, _, body := get(t, s.url+"graphql?query="+`%7Bme%7Bemail%7D%7D`, bearer(secret))
	if status != http.StatusOK || !strings.Contains(body, `"email":"analyst@demo.chidao.vn"`) {
		t.Fatalf("GET {me{email}} with the token: %d %s", status, body)
	}

	// Clearance: the analyst (MAT) sees the secret plan, the viewer (NONE,
	// scoped to its issuer's party committee) does not.
	var c countData
	secretQuery := `{ directives(where: {secrecy: MAT}) { totalCount } }`
	getGraphQL(t, s.url, secret, secretQuery).decode(t, &c)
	if c.Directives.TotalCount != 1 {
		t.Errorf("the analyst sees %d secret directives, want 1", c.Directives.TotalCount)
	}
	getGraphQL(t, s.url, viewerSecret, secretQuery).decode(t, &c)
	if c.Directives.TotalCount != 0 {
		t.Errorf("the viewer sees %d secret directives, want 0", c.Directives.TotalCount)
	}

	// The demo's shared saved query runs.
	d, err := demo.Read()
	if err != nil {
		t.Fatal(err)
	}
	sq := d.SavedQueries[0]
	b, _ := json.Marshal(map[string]any{"query": sq.Document, "variables": sq.Variables, "operationName": sq.OperationName})
	req, _ := http.NewRequest(http.MethodPost, s.url+"graphql", bytes.NewReader(b))
	req.Header = bearer(viewerSecret)
	req.Header.Set("Content-Type", "application/json")
	status, _, text := do(t, req)
	var dd directiveData
	decodeGraphQL(t, status, text).decode(t, &dd)
	if len(dd.Directives.Edges) != 1 || len(dd.Directives.Edges[0].Node.Tasks.Edges) != 5 {
		t.Errorf("saved query %q: %s", sq.Name, text)
	}

	r = ok(t, token("list", "--email", "analyst@demo.chidao.vn")...)
	m := regexp.MustCompile(`(?m)^(\S+)\s+e2e\s+API\s+` + regexp.QuoteMeta(secret[:12]) + `…\s+analyst@demo\.chidao\.vn\s+\d{4}-`).FindStringSubmatch(r.stdout)
	if m == nil || strings.Contains(r.stdout, secret) || strings.Contains(r.stdout, "viewer@") {
		t.Fatalf("token list --email:\n%s", r.stdout)
	}
	r = ok(t, token("revoke", m[1])...)
	if !strings.Contains(r.stdout, "revoked token "+m[1]) {
		t.Errorf("token revoke said:\n%s", r.stdout)
	}
	status, _, body = get(t, s.url+"graphql?query="+`%7Bme%7Bemail%7D%7D`, bearer(secret))
	if status != http.StatusUnauthorized || !strings.Contains(body, "revoked") {
		t.Errorf("GET with the revoked token: %d %s, want 401 saying it was revoked", status, body)
	}
	if status, _, _ := get(t, s.url+"graphql?query="+`%7Bme%7Bemail%7D%7D`, bearer(viewerSecret)); status != http.StatusOK {
		t.Errorf("another token stopped working: %d", status)
	}
	fails(t, "no token has the id 12", token("revoke", "12")...)
	fails(t, "no account has the email nobody@chidao.test", token("create", "--email", "nobody@chidao.test")...)
	fails(t, "is in the past", token("create", "--email", "analyst@demo.chidao.vn", "--expires", "2020-01-01")...)
	s.stop(t)
}

func TestTokenCommandsSQLite(t *testing.T) {
	testTokens(t, []string{"--data", t.TempDir()})
}

func TestTokenCommandsPostgres(t *testing.T) {
	testTokens(t, []string{"--db", testdb.PostgresDSN(t), "--data", t.TempDir()})
}

func TestBootstrapFromEnvironment(t *testing.T) {
	const password = "a strong admin password"
	dir := t.TempDir()
	r := run(t, time.Minute, env("CHIDAO_ADMIN_PASSWORD=too short"), "serve", "--data", dir, "--addr", "127.0.0.1:0")
	if r.code != 1 || !strings.Contains(r.stderr, "CHIDAO_ADMIN_PASSWORD is too short") || strings.Contains(r.stderr, "msg=listening") {
		t.Fatalf("a short CHIDAO_ADMIN_PASSWORD: exit %d, want 1 naming it\n%s", r.code, r.stderr)
	}
	s := serve(t, env("CHIDAO_ADMIN_EMAIL=Root@Chidao.Test", "CHIDAO_ADMIN_PASSWORD="+password), "--data", dir, "--addr", "127.0.0.1:0")
	log := s.stderr.String()
	if strings.Contains(log, password) || oneTimePassword.MatchString(log) {
		t.Errorf("the password was printed:\n%s", log)
	}
	if !strings.Contains(log, "first administrator created") || !strings.Contains(log, "root@chidao.test") {
		t.Errorf("no word of the first administrator:\n%s", log)
	}
	if status, must := login(t, s.url, "root@chidao.test", password); status != http.StatusOK || must {
		t.Errorf("sign in as the administrator from the environment: %d (must change %v), want 200", status, must)
	}
	s.stop(t)
	r = ok(t, "user", "list", "--data", dir)
	if !regexp.MustCompile(`(?m)^root@chidao\.test\s+ADMIN\s+all\s+TUYET_MAT\s+no\s`).MatchString(r.stdout) {
		t.Errorf("user list:\n%s", r.stdout)
	}
}

func TestBootstrapOneTimePassword(t *testing.T) {
	dir := t.TempDir()
	s := serve(t, env(), "--data", dir, "--addr", "127.0.0.1:0")
	log := s.stderr.String()
	all := oneTimePassword.FindAllStringSubmatch(log, -1)
	if len(all) != 1 || !strings.Contains(log, "admin@localhost") || !strings.Contains(log, "chỉ hiện MỘT lần") || !strings.Contains(log, "shown ONCE") {
		t.Fatalf("want one bilingual one-time password block for admin@localhost:\n%s", log)
	}
	password := all[0][1]
	if status, must := login(t, s.url, "admin@localhost", password); status != http.StatusOK || !must {
		t.Errorf("sign in with the one-time password: %d (must change %v), want 200 and must change", status, must)
	}
	s.stop(t)

	s = serve(t, env(), "--data", dir, "--addr", "127.0.0.1:0")
	if log := s.stderr.String(); strings.Contains(log, password) || oneTimePassword.MatchString(log) || strings.Contains(log, "first administrator") {
		t.Errorf("second start printed a password again:\n%s", log)
	}
	s.stop(t)
}

func TestParseExpiry(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want string // RFC 3339 in UTC; "" for no expiry
		err  string
	}{
		{"", "", ""},
		{"never", "", ""},
		{"90d", "2026-05-30T10:00:00Z", ""},
		{"2w", "2026-03-15T10:00:00Z", ""},
		{"36h", "2026-03-02T22:00:00Z", ""},
		{"2026-12-31", "2026-12-31T16:59:59Z", ""}, // the end of that day in Vietnam
		{"2027-01-01T00:00:00+07:00", "2026-12-31T17:00:00Z", ""},
		{"2026-03-01", "2026-03-01T16:59:59Z", ""}, // today still counts
		{"2026-02-28", "", "in the past"},
		{"0d", "", "in the past"},
		{"-5h", "", "in the past"},
		{"soon", "", "want a lifetime"},
		{"99999999d", "", "too far"},
	} {
		got, err := parseExpiry(tc.in, now)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want one saying %q", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.want == "" && got != nil:
			t.Errorf("%q: expires %s, want never", tc.in, got)
		case tc.want != "" && (got == nil || got.UTC().Format(time.RFC3339) != tc.want):
			t.Errorf("%q: expires %v, want %s", tc.in, got, tc.want)
		}
	}
}
