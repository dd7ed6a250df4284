package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/auditrecord"
	entuser "github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/viewer"
)

// userPassword is the password e.user gives every account.
const userPassword = "correct horse battery"

// reply is an HTTP answer: GraphQL-shaped (data, errors) when it is one,
// with its headers, cookies and raw body.
type reply struct {
	response
	header  http.Header
	cookies []*http.Cookie
	body    []byte
}

// send makes a request with exactly the given headers: unlike e.post it
// sends no token of the env, so each test says which credential it uses.
func (e *env) send(method, path string, body []byte, hdr map[string]string) reply {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatalf("read body: %v", err)
	}
	r := reply{header: resp.Header, cookies: resp.Cookies(), body: b}
	_ = json.Unmarshal(b, &r.response)
	r.Status = resp.StatusCode
	return r
}

// gql is the JSON body of a GraphQL request.
func gql(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// getQuery is the /graphql URL of a query sent over GET.
func getQuery(query string) string { return "/graphql?query=" + url.QueryEscape(query) }

// expectErr fails the test unless r has the status and error code, and the
// first error's message contains every hint.
func expectErr(t *testing.T, r reply, status int, code string, hints ...string) {
	t.Helper()
	if r.Status != status || r.code() != code {
		t.Fatalf("want %d %s, got %d %s", status, code, r.Status, clip(string(r.body)))
	}
	for _, h := range hints {
		if !strings.Contains(r.Errors[0].Message, h) {
			t.Fatalf("error %q does not mention %q", r.Errors[0].Message, h)
		}
	}
}

// expectOK fails the test unless r is a 200 without errors.
func expectOK(t *testing.T, r reply) {
	t.Helper()
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("want 200 without errors, got %d %s", r.Status, clip(string(r.body)))
	}
}

// as is the env sending another bearer token.
func (e *env) as(token string) *env {
	c := *e
	c.token = token
	return &c
}

func bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token}
}

// browserSession is what a browser holds after signing in.
type browserSession struct {
	cookie *http.Cookie
	csrf   string
}

// headers are the request headers of the session: its cookie, and the CSRF
// token when withCSRF.
func (s browserSession) headers(withCSRF bool) map[string]string {
	h := map[string]string{"Cookie": auth.SessionCookie + "=" + s.cookie.Value}
	if withCSRF {
		h[auth.CSRFHeader] = s.csrf
	}
	return h
}

func loginBody(email, pw string) []byte {
	b, _ := json.Marshal(map[string]string{"email": email, "password": pw})
	return b
}

// login signs in and fails the test unless it succeeds.
func (e *env) login(email, pw string) browserSession {
	e.t.Helper()
	r := e.send(http.MethodPost, "/auth/login", loginBody(email, pw), nil)
	if r.Status != http.StatusOK {
		e.t.Fatalf("login %s: %d %s", email, r.Status, clip(string(r.body)))
	}
	var out struct {
		CSRFToken string `json:"csrfToken"`
	}
	if err := json.Unmarshal(r.body, &out); err != nil || out.CSRFToken == "" {
		e.t.Fatalf("login answer %s: %v", clip(string(r.body)), err)
	}
	for _, c := range r.cookies {
		if c.Name == auth.SessionCookie {
			return browserSession{cookie: c, csrf: out.CSRFToken}
		}
	}
	e.t.Fatalf("login set no %s cookie", auth.SessionCookie)
	return browserSession{}
}

func sysCtx() context.Context { return viewer.NewContext(context.Background(), viewer.System()) }

// userID is the database id of an account.
func (e *env) userID(email string) int {
	e.t.Helper()
	return e.db.Client.User.Query().Where(entuser.Email(email)).OnlyIDX(sysCtx())
}

// meQuery returns who the credential is.
const meQuery = `{ me { id email role } }`

type meResult struct {
	Me *struct {
		ID    string `json:"id"`
		Email string `json:"email"`
		Role  string `json:"role"`
	} `json:"me"`
}

func decodeData(t *testing.T, r reply, into any) {
	t.Helper()
	expectOK(t, r)
	if err := json.Unmarshal(r.Data, into); err != nil {
		t.Fatalf("decode %s: %v", clip(string(r.Data)), err)
	}
}

const createPerson = `mutation($n: String!) { createPerson(input: {fullName: $n}) { id fullName } }`

// A browser signs in and gets an HttpOnly, SameSite session cookie; over it
// queries need no CSRF token, but every other request does, and a refused
// write changes nothing; signing out needs the token too and ends the
// session for good.
func TestCSRFSessionFlow(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		e.user("editor@test.vn", entuser.RoleEDITOR, nil, entuser.ClearanceNONE)

		r := e.send(http.MethodPost, "/auth/login", loginBody("Editor@Test.vn ", userPassword), nil)
		if r.Status != http.StatusOK {
			t.Fatalf("login: %d %s", r.Status, r.body)
		}
		var info struct {
			User struct {
				Email string `json:"email"`
				Role  string `json:"role"`
			} `json:"user"`
			CSRFToken string `json:"csrfToken"`
		}
		if err := json.Unmarshal(r.body, &info); err != nil {
			t.Fatal(err)
		}
		if info.User.Email != "editor@test.vn" || info.User.Role != "EDITOR" || len(info.CSRFToken) < 32 {
			t.Fatalf("login answer: %s", r.body)
		}
		if cc := r.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("login answer Cache-Control %q, want no-store", cc)
		}
		var cookie *http.Cookie
		for _, c := range r.cookies {
			if c.Name == auth.SessionCookie {
				cookie = c
			}
		}
		if cookie == nil {
			t.Fatalf("no %s cookie in %v", auth.SessionCookie, r.header["Set-Cookie"])
		}
		if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Path != "/" {
			t.Fatalf("cookie attributes: HttpOnly %v SameSite %v Path %q", cookie.HttpOnly, cookie.SameSite, cookie.Path)
		}
		// A browser-session cookie: the server alone decides when the
		// session ends (sliding SessionTTL), so an active user is never
		// signed out by a cookie that expired first.
		if cookie.MaxAge != 0 || !cookie.Expires.IsZero() {
			t.Errorf("cookie Max-Age %d Expires %v, want a browser-session cookie", cookie.MaxAge, cookie.Expires)
		}
		if cookie.Secure {
			t.Error("cookie marked Secure over plain HTTP with SecureCookies off")
		}
		if len(cookie.Value) < 40 || strings.Contains(string(r.body), cookie.Value) {
			t.Fatal("the session secret must be long and only in the cookie")
		}
		s := browserSession{cookie: cookie, csrf: info.CSRFToken}

		// Queries over GET need no CSRF token.
		var me meResult
		decodeData(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)), &me)
		if me.Me == nil || me.Me.Email != "editor@test.vn" || me.Me.Role != "EDITOR" {
			t.Fatalf("me over the cookie: %+v", me.Me)
		}
		// /auth/session tells the app who is signed in, with the same token.
		r = e.send(http.MethodGet, "/auth/session", nil, s.headers(false))
		var again struct {
			User      struct{ Email string } `json:"user"`
			CSRFToken string                 `json:"csrfToken"`
		}
		if err := json.Unmarshal(r.body, &again); err != nil || r.Status != http.StatusOK || again.CSRFToken != s.csrf || again.User.Email != "editor@test.vn" {
			t.Fatalf("/auth/session: %d %s", r.Status, r.body)
		}

		// Any POST over the cookie without the token is refused, and the
		// refused mutation writes nothing.
		body := gql(createPerson, map[string]any{"n": "Nguyễn Văn A"})
		expectErr(t, e.send(http.MethodPost, "/graphql", body, s.headers(false)), http.StatusForbidden, "CSRF", auth.CSRFHeader)
		wrong := s.headers(false)
		wrong[auth.CSRFHeader] = strings.Repeat("0", len(s.csrf))
		expectErr(t, e.send(http.MethodPost, "/graphql", body, wrong), http.StatusForbidden, "CSRF")
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), s.headers(false)), http.StatusForbidden, "CSRF")
		if n := e.count("persons"); n != 0 {
			t.Fatalf("%d persons written by refused requests", n)
		}
		// Another session's token does not fit this cookie.
		other := e.login("editor@test.vn", userPassword)
		if other.csrf == s.csrf || other.cookie.Value == s.cookie.Value {
			t.Fatal("two sessions share a secret or CSRF token")
		}
		crossed := s.headers(false)
		crossed[auth.CSRFHeader] = other.csrf
		expectErr(t, e.send(http.MethodPost, "/graphql", body, crossed), http.StatusForbidden, "CSRF")
		if n := e.count("persons"); n != 0 {
			t.Fatalf("%d persons written with another session's CSRF token", n)
		}

		// With the token the write goes through.
		expectOK(t, e.send(http.MethodPost, "/graphql", body, s.headers(true)))
		if n := e.count("persons"); n != 1 {
			t.Fatalf("%d persons after the write, want 1", n)
		}

		// Signing out needs the token too.
		expectErr(t, e.send(http.MethodPost, "/auth/logout", nil, s.headers(false)), http.StatusForbidden, "CSRF")
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)))
		r = e.send(http.MethodPost, "/auth/logout", nil, s.headers(true))
		if r.Status != http.StatusOK {
			t.Fatalf("logout: %d %s", r.Status, r.body)
		}
		cleared := false
		for _, c := range r.cookies {
			if c.Name == auth.SessionCookie && c.Value == "" && c.MaxAge < 0 {
				cleared = true
			}
		}
		if !cleared {
			t.Fatalf("logout did not clear the cookie: %v", r.header["Set-Cookie"])
		}
		// The old cookie is dead, whatever the browser does with it.
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED")
		expectErr(t, e.send(http.MethodPost, "/graphql", body, s.headers(true)), http.StatusUnauthorized, "UNAUTHENTICATED")
		expectErr(t, e.send(http.MethodGet, "/auth/session", nil, s.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED")
		// The other session was not signed out with it.
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, other.headers(false)))
		// Until it expires.
		e.db.Client.Session.Update().SetExpiresAt(time.Now().Add(-time.Second)).ExecX(sysCtx())
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, other.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED", "expired")
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, other.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED")
		if n := e.db.Client.Session.Query().CountX(sysCtx()); n != 0 {
			t.Fatalf("%d sessions left after logout and expiry", n)
		}
		if n := e.count("persons"); n != 1 {
			t.Fatalf("%d persons at the end, want 1", n)
		}
	})
}

// With SecureCookies the session cookie is marked Secure.
func TestLoginSecureCookie(t *testing.T) {
	e := newEnv(t, "file:securecookie?mode=memory&cache=shared", false, func(c *Config) { c.AuthHTTP.SecureCookies = true })
	e.user("v@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
	r := e.send(http.MethodPost, "/auth/login", loginBody("v@test.vn", userPassword), nil)
	if r.Status != http.StatusOK || len(r.cookies) != 1 || !r.cookies[0].Secure || !r.cookies[0].HttpOnly {
		t.Fatalf("login with SecureCookies: %d %v", r.Status, r.header["Set-Cookie"])
	}
}

// A failed login says only "wrong email or password", whether the email
// is unknown or the password wrong; five failures in a row lock the
// account (even the right password is refused) until the lock runs out.
func TestLoginFailuresAndLock(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		const lock = 2 * time.Second
		e := newEnv(t, dsn, false, func(c *Config) { c.Auth.LockDuration = lock })
		e.user("an@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		e.user("binh@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		login := func(email, pw string) reply { return e.send(http.MethodPost, "/auth/login", loginBody(email, pw), nil) }

		wrong := login("an@test.vn", "not the password")
		expectErr(t, wrong, http.StatusUnauthorized, "UNAUTHENTICATED")
		if wrong.Errors[0].Message != "wrong email or password" {
			t.Fatalf("wrong password: %q", wrong.Errors[0].Message)
		}
		if len(wrong.cookies) != 0 {
			t.Fatal("a failed login set a cookie")
		}
		for _, email := range []string{"nobody@test.vn", "not an email", ""} {
			r := login(email, userPassword)
			expectErr(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
			if r.Errors[0].Message != wrong.Errors[0].Message {
				t.Fatalf("unknown email %q answered %q, a wrong password %q: the difference tells which accounts exist", email, r.Errors[0].Message, wrong.Errors[0].Message)
			}
		}
		expectErr(t, e.send(http.MethodPost, "/auth/login", []byte(`{"email":`), nil), http.StatusBadRequest, "INVALID_INPUT")

		// Failures count in a row: a success starts the count again.
		for range 3 {
			expectErr(t, login("an@test.vn", "not the password"), http.StatusUnauthorized, "UNAUTHENTICATED")
		}
		e.login("an@test.vn", userPassword)
		for i := range auth.DefaultConfig().MaxFailures {
			r := login("an@test.vn", fmt.Sprintf("guess number %d", i))
			expectErr(t, r, http.StatusUnauthorized, "UNAUTHENTICATED", "wrong email or password")
		}
		lockedAt := time.Now()
		// Locked: the right password is refused, with when to come back.
		r := login("an@test.vn", userPassword)
		expectErr(t, r, http.StatusTooManyRequests, "LOCKED", "try again")
		ra, err := strconv.Atoi(r.header.Get("Retry-After"))
		if err != nil || ra < 1 || ra > int(lock/time.Second)+1 {
			t.Fatalf("Retry-After %q while locked for %s", r.header.Get("Retry-After"), lock)
		}
		if len(r.cookies) != 0 {
			t.Fatal("a locked login set a cookie")
		}
		expectErr(t, login("an@test.vn", "another guess"), http.StatusTooManyRequests, "LOCKED")
		expectErr(t, login("AN@test.vn", userPassword), http.StatusTooManyRequests, "LOCKED")
		// Other accounts are not locked with it.
		e.login("binh@test.vn", userPassword)

		// When the lock runs out the right password works again.
		time.Sleep(time.Until(lockedAt.Add(lock + 200*time.Millisecond)))
		e.login("an@test.vn", userPassword)
	})
}

// The per-address login limiter refuses a burst of logins, right password
// or not, before any password is checked.
func TestLoginRateLimit(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false, func(c *Config) { c.AuthHTTP.LoginPerMin = 3 })
		e.user("an@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		var codes []string
		limited := 0
		for i := range 6 {
			pw := userPassword
			if i%2 == 1 {
				pw = "wrong password"
			}
			r := e.send(http.MethodPost, "/auth/login", loginBody("an@test.vn", pw), nil)
			codes = append(codes, strconv.Itoa(r.Status)+r.code())
			if r.Status == http.StatusTooManyRequests {
				expectErr(t, r, http.StatusTooManyRequests, "RATE_LIMITED", "slow down")
				if r.header.Get("Retry-After") == "" {
					t.Fatal("rate-limited login without Retry-After")
				}
				limited++
			}
		}
		// A burst of 3 (LoginPerMin) passes, then the bucket refills at one a
		// minute.
		if limited < 3 || !strings.HasPrefix(codes[0], "200") {
			t.Fatalf("login answers %v: want the first 3 through and the rest limited", codes)
		}
		// Requests with a token are not logins and are not counted.
		e.ok(meQuery, nil, nil)
	})
}

// API tokens: they work until they expire or are revoked, each refusal
// says why, and only the owner (or an administrator) revokes a token.
func TestTokenLifecycle(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		an := e.as(e.user("an@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE))
		binh := e.as(e.user("binh@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE))

		var me meResult
		an.ok(meQuery, nil, &me)
		if me.Me == nil || me.Me.Email != "an@test.vn" || me.Me.Role != "VIEWER" {
			t.Fatalf("me: %+v", me.Me)
		}

		const create = `mutation($in: CreateAPITokenInput!) { createAPIToken(input: $in) { token apiToken { id prefix kind expiresAt } } }`
		type created struct {
			CreateAPIToken struct {
				Token    string `json:"token"`
				APIToken struct {
					ID        string  `json:"id"`
					Prefix    string  `json:"prefix"`
					Kind      string  `json:"kind"`
					ExpiresAt *string `json:"expiresAt"`
				} `json:"apiToken"`
			} `json:"createAPIToken"`
		}
		// An expiry in the past is refused.
		past := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
		an.fails(create, map[string]any{"in": map[string]any{"name": "old", "expiresAt": past}}, "INVALID_INPUT", "past")
		an.fails(create, map[string]any{"in": map[string]any{"name": "  "}}, "INVALID_INPUT", "name")
		an.fails(create, map[string]any{"in": map[string]any{"name": "zero", "complexityLimit": 0}}, "VALIDATION", "complexity_limit")

		var tok created
		future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
		an.ok(create, map[string]any{"in": map[string]any{"name": "script", "expiresAt": future}}, &tok)
		secret := tok.CreateAPIToken.Token
		if !strings.HasPrefix(secret, "chd_") || len(secret) < 50 || tok.CreateAPIToken.APIToken.Kind != "API" {
			t.Fatalf("created token: %+v", tok.CreateAPIToken)
		}
		if tok.CreateAPIToken.APIToken.Prefix != secret[:12] {
			t.Fatalf("prefix %q of %q", tok.CreateAPIToken.APIToken.Prefix, secret)
		}
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(secret)))
		// The bearer scheme is case-insensitive, as HTTP says.
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), map[string]string{"Authorization": "bearer " + secret}))
		// Only a hash is stored.
		stored := e.db.Client.APIToken.Query().Where(apitoken.Prefix(secret[:12])).OnlyX(sysCtx())
		if sum := sha256.Sum256([]byte(secret)); stored.TokenHash != hex.EncodeToString(sum[:]) {
			t.Fatal("the stored token is not the SHA-256 of the secret")
		}

		// Expired: the same token, its expiry moved into the past.
		e.db.Client.APIToken.UpdateOneID(stored.ID).SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(sysCtx())
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(secret)), http.StatusUnauthorized, "UNAUTHENTICATED", "expired")
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, bearer(secret)), http.StatusUnauthorized, "UNAUTHENTICATED", "expired")

		// Revoked: by its owner, at once.
		var other created
		an.ok(create, map[string]any{"in": map[string]any{"name": "second"}}, &other)
		otherSecret := other.CreateAPIToken.Token
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(otherSecret)))
		// Another user cannot revoke it, nor learn it exists.
		const revoke = `mutation($id: ID!) { revokeAPIToken(id: $id) { id revokedAt } }`
		binh.fails(revoke, map[string]any{"id": other.CreateAPIToken.APIToken.ID}, "NOT_FOUND")
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(otherSecret)))
		var tokens struct {
			APITokens struct {
				TotalCount int `json:"totalCount"`
			} `json:"apiTokens"`
		}
		binh.ok(`{ apiTokens(first: 10) { totalCount } }`, nil, &tokens)
		if tokens.APITokens.TotalCount != 1 {
			t.Fatalf("binh sees %d tokens, want only its own", tokens.APITokens.TotalCount)
		}
		var revoked struct {
			RevokeAPIToken struct {
				RevokedAt *string `json:"revokedAt"`
			} `json:"revokeAPIToken"`
		}
		an.ok(revoke, map[string]any{"id": other.CreateAPIToken.APIToken.ID}, &revoked)
		if revoked.RevokeAPIToken.RevokedAt == nil {
			t.Fatal("revokedAt not set")
		}
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(otherSecret)), http.StatusUnauthorized, "UNAUTHENTICATED", "revoked")
		// An administrator may revoke anyone's token.
		var bt created
		binh.ok(create, map[string]any{"in": map[string]any{"name": "binh's"}}, &bt)
		e.ok(revoke, map[string]any{"id": bt.CreateAPIToken.APIToken.ID}, nil)
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(bt.CreateAPIToken.Token)), http.StatusUnauthorized, "UNAUTHENTICATED", "revoked")
		// The owner's other token still works.
		an.ok(meQuery, nil, nil)

		// Unknown and malformed credentials.
		b := make([]byte, 20)
		_, _ = rand.Read(b)
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer("chd_"+hex.EncodeToString(b))), http.StatusUnauthorized, "UNAUTHENTICATED", "unknown")
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(secret+"x")), http.StatusUnauthorized, "UNAUTHENTICATED", "unknown")
		for _, h := range []string{"Basic YWRtaW46cGFzcw==", "Bearer", "Bearer ", "Bearer    ", "Token " + an.token, "Bearer" + an.token, an.token} {
			r := e.send(http.MethodPost, "/graphql", gql(meQuery, nil), map[string]string{"Authorization": h})
			if r.Status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
				t.Fatalf("Authorization %q: %d %s", h, r.Status, clip(string(r.body)))
			}
		}
	})
}

// Embed tokens run their saved query, with their fixed variables, from
// their allowed origins, and nothing else.
func TestEmbedToken(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		const doc = `query Directive($symbol: String!) { directives(where: {symbol: $symbol}, first: 1) { totalCount edges { node { symbol } } } }`
		var sq struct {
			CreateSavedQuery struct {
				ID           string `json:"id"`
				DocumentHash string `json:"documentHash"`
			} `json:"createSavedQuery"`
		}
		e.ok(`mutation($in: CreateSavedQueryInput!) { createSavedQuery(input: $in) { id documentHash } }`, map[string]any{"in": map[string]any{
			"name": "Một chỉ thị", "document": doc, "operationName": "Directive", "variables": map[string]any{"symbol": "1416-CV/QU"},
		}}, &sq)
		sum := sha256.Sum256([]byte(doc))
		hash := hex.EncodeToString(sum[:])
		if sq.CreateSavedQuery.DocumentHash != hash {
			t.Fatalf("documentHash %q, want the SHA-256 of the document %q", sq.CreateSavedQuery.DocumentHash, hash)
		}

		const createEmbed = `mutation($in: CreateEmbedTokenInput!) { createEmbedToken(input: $in) { token apiToken { id kind allowedOrigins } } }`
		type created struct {
			CreateEmbedToken struct {
				Token    string `json:"token"`
				APIToken struct {
					ID             string   `json:"id"`
					Kind           string   `json:"kind"`
					AllowedOrigins []string `json:"allowedOrigins"`
				} `json:"apiToken"`
			} `json:"createEmbedToken"`
		}
		const portal = "https://portal.example.vn"
		e.fails(createEmbed, map[string]any{"in": map[string]any{"name": "bad", "savedQueryID": sq.CreateSavedQuery.ID, "allowedOrigins": []string{"portal.example.vn"}}}, "INVALID_INPUT", "origin")
		e.fails(createEmbed, map[string]any{"in": map[string]any{"name": "bad", "savedQueryID": sq.CreateSavedQuery.ID, "allowedOrigins": []string{portal + "/dashboards"}}}, "INVALID_INPUT", "origin")
		var emb created
		e.ok(createEmbed, map[string]any{"in": map[string]any{
			"name": "cổng thông tin", "savedQueryID": sq.CreateSavedQuery.ID,
			"variables": map[string]any{"symbol": "44-KL/TW"}, "allowedOrigins": []string{portal},
		}}, &emb)
		tok := emb.CreateEmbedToken.Token
		if !strings.HasPrefix(tok, "chde_") || emb.CreateEmbedToken.APIToken.Kind != "EMBED" {
			t.Fatalf("embed token: %+v", emb.CreateEmbedToken)
		}
		hdr := func(origin string) map[string]string {
			h := bearer(tok)
			if origin != "" {
				h["Origin"] = origin
			}
			return h
		}
		persisted := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
		byHash := func(vars map[string]any) []byte {
			b, _ := json.Marshal(map[string]any{"extensions": persisted, "variables": vars, "operationName": "Directive"})
			return b
		}
		// The token's own variables win over the request's and the saved
		// query's.
		wantSymbol := func(r reply) {
			t.Helper()
			var out struct {
				Directives struct {
					TotalCount int `json:"totalCount"`
					Edges      []struct {
						Node struct{ Symbol string } `json:"node"`
					} `json:"edges"`
				} `json:"directives"`
			}
			decodeData(t, r, &out)
			if out.Directives.TotalCount != 1 || out.Directives.Edges[0].Node.Symbol != "44-KL/TW" {
				t.Fatalf("embed ran with other variables than its own: %s", r.Data)
			}
		}
		r := e.send(http.MethodPost, "/graphql", byHash(map[string]any{"symbol": "1416-CV/QU"}), hdr(portal))
		wantSymbol(r)
		if got := r.header.Get("Access-Control-Allow-Origin"); got != portal {
			t.Fatalf("Access-Control-Allow-Origin %q", got)
		}
		wantSymbol(e.send(http.MethodPost, "/graphql", byHash(nil), hdr(portal)))
		// The exact text works too, and so does the text with its hash.
		wantSymbol(e.send(http.MethodPost, "/graphql", gql(doc, map[string]any{"symbol": "809-CV/TU"}), hdr(portal)))
		b, _ := json.Marshal(map[string]any{"query": doc, "extensions": persisted})
		wantSymbol(e.send(http.MethodPost, "/graphql", b, hdr(portal)))
		// Over GET, by hash.
		ext, _ := json.Marshal(persisted)
		wantSymbol(e.send(http.MethodGet, "/graphql?extensions="+url.QueryEscape(string(ext))+"&variables="+url.QueryEscape(`{"symbol":"1416-CV/QU"}`), nil, hdr(portal)))
		// A CORS preflight from the portal is answered.
		pre := e.send(http.MethodOptions, "/graphql", nil, map[string]string{"Origin": portal, "Access-Control-Request-Method": "POST"})
		if pre.Status != http.StatusNoContent || pre.header.Get("Access-Control-Allow-Origin") != portal || !strings.Contains(pre.header.Get("Access-Control-Allow-Headers"), "Authorization") {
			t.Fatalf("preflight: %d %v", pre.Status, pre.header)
		}

		persons := e.count("persons")
		forbidden := map[string]struct {
			method, path string
			body         []byte
			origin       string
		}{
			"other query":                 {http.MethodPost, "/graphql", gql(`{ directives(first: 100) { totalCount edges { node { symbol } } } }`, nil), portal},
			"document with a space added": {http.MethodPost, "/graphql", gql(doc+" ", nil), portal},
			"mutation":                    {http.MethodPost, "/graphql", gql(`mutation { createPerson(input: {fullName: "X"}) { id } }`, nil), portal},
			"me":                          {http.MethodPost, "/graphql", gql(meQuery, nil), portal},
			"users":                       {http.MethodPost, "/graphql", gql(`{ users(first: 10) { edges { node { email } } } }`, nil), portal},
			"apiTokens":                   {http.MethodPost, "/graphql", gql(`{ apiTokens(first: 10) { edges { node { prefix } } } }`, nil), portal},
			"wrong hash": {http.MethodPost, "/graphql", func() []byte {
				b, _ := json.Marshal(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}})
				return b
			}(), portal},
			"right hash, other text": {http.MethodPost, "/graphql", func() []byte {
				b, _ := json.Marshal(map[string]any{"query": `{ users(first: 1) { totalCount } }`, "extensions": persisted})
				return b
			}(), portal},
			"nothing":                         {http.MethodPost, "/graphql", []byte(`{}`), portal},
			"other query over GET":            {http.MethodGet, getQuery(`{ users(first: 10) { totalCount } }`), nil, portal},
			"right hash from another origin":  {http.MethodPost, "/graphql", byHash(nil), "https://evil.example.com"},
			"right hash from a look-alike":    {http.MethodPost, "/graphql", byHash(nil), portal + ".evil.com"},
			"right hash over http":            {http.MethodPost, "/graphql", byHash(nil), "http://portal.example.vn"},
			"right hash without an origin":    {http.MethodPost, "/graphql", byHash(nil), ""},
			"GET by hash from another origin": {http.MethodGet, "/graphql?extensions=" + url.QueryEscape(string(ext)), nil, "https://evil.example.com"},
		}
		for name, c := range forbidden {
			t.Run(name, func(t *testing.T) {
				r := e.send(c.method, c.path, c.body, hdr(c.origin))
				expectErr(t, r, http.StatusForbidden, "FORBIDDEN")
				if r.Data != nil && string(r.Data) != "null" {
					t.Fatalf("refused request returned data %s", r.Data)
				}
			})
		}
		if got := e.count("persons"); got != persons {
			t.Fatalf("persons %d → %d after refused embed requests", persons, got)
		}

		// Even when its saved query asks for them, an embed token reads no
		// accounts, tokens or audit records.
		var sq2 struct {
			CreateSavedQuery struct{ ID string } `json:"createSavedQuery"`
		}
		const nosy = `query { me { email } users(first: 5) { edges { node { email } } } apiTokens(first: 5) { edges { node { prefix } } } auditRecords(first: 5) { totalCount } }`
		e.ok(`mutation($in: CreateSavedQueryInput!) { createSavedQuery(input: $in) { id } }`, map[string]any{"in": map[string]any{"name": "nosy", "document": nosy}}, &sq2)
		var emb2 created
		e.ok(createEmbed, map[string]any{"in": map[string]any{"name": "nosy", "savedQueryID": sq2.CreateSavedQuery.ID}}, &emb2)
		r = e.send(http.MethodPost, "/graphql", gql(nosy, nil), bearer(emb2.CreateEmbedToken.Token))
		if len(r.Errors) < 4 {
			t.Fatalf("an embed token read accounts or tokens: %s", clip(string(r.body)))
		}
		for _, er := range r.Errors {
			if c, _ := er.Extensions["code"].(string); c != "FORBIDDEN" {
				t.Fatalf("want FORBIDDEN for each field, got %+v", r.Errors)
			}
		}
		if bytes.Contains(r.body, []byte("@test.vn")) || bytes.Contains(r.body, []byte("chd_")) {
			t.Fatalf("embed answer leaks accounts or tokens: %s", clip(string(r.body)))
		}
		// Without allowed origins, any origin may run it (and meets the same
		// refusals field by field, not a refusal of the request).
		r = e.send(http.MethodPost, "/graphql", gql(nosy, nil), map[string]string{"Authorization": "Bearer " + emb2.CreateEmbedToken.Token, "Origin": "https://anywhere.example"})
		if r.Status != http.StatusOK || len(r.Errors) < 4 {
			t.Fatalf("embed without allowed origins, from any origin: %d %s", r.Status, clip(string(r.body)))
		}

		// A saved query that is a mutation cannot become an embed.
		var mq struct {
			CreateSavedQuery struct{ ID string } `json:"createSavedQuery"`
		}
		e.ok(`mutation($in: CreateSavedQueryInput!) { createSavedQuery(input: $in) { id } }`, map[string]any{"in": map[string]any{"name": "write", "document": `mutation { createPerson(input: {fullName: "X"}) { id } }`}}, &mq)
		e.fails(createEmbed, map[string]any{"in": map[string]any{"name": "write", "savedQueryID": mq.CreateSavedQuery.ID}}, "INVALID_INPUT", "mutation")

		// Revoked, it stops at once.
		e.ok(`mutation($id: ID!) { revokeAPIToken(id: $id) { id } }`, map[string]any{"id": emb.CreateEmbedToken.APIToken.ID}, nil)
		expectErr(t, e.send(http.MethodPost, "/graphql", byHash(nil), hdr(portal)), http.StatusUnauthorized, "UNAUTHENTICATED", "revoked")
	})
}

// A disabled account's tokens and sessions stop working at once, whether it
// was disabled through the API (which also ends its sessions) or in the
// database; enabled again, its tokens work, and it signs in anew.
func TestAuthDisabledUser(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		tok := e.user("an@test.vn", entuser.RoleEDITOR, nil, entuser.ClearanceNONE)
		s := e.login("an@test.vn", userPassword)
		var me meResult
		decodeData(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(tok)), &me)
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)))
		id := e.userID("an@test.vn")

		// Disabled in the database: checked on every request.
		e.db.Client.User.UpdateOneID(id).SetDisabled(true).ExecX(sysCtx())
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(tok)), http.StatusForbidden, "FORBIDDEN", "disabled")
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)), http.StatusForbidden, "FORBIDDEN", "disabled")
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(createPerson, map[string]any{"n": "X"}), s.headers(true)), http.StatusForbidden, "FORBIDDEN", "disabled")
		expectErr(t, e.send(http.MethodPost, "/auth/login", loginBody("an@test.vn", userPassword), nil), http.StatusUnauthorized, "UNAUTHENTICATED", "wrong email or password")
		e.db.Client.User.UpdateOneID(id).SetDisabled(false).ExecX(sysCtx())
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(tok)))
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)))

		// Disabled by an administrator: sessions end too.
		const update = `mutation($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { disabled } }`
		e.ok(update, map[string]any{"id": me.Me.ID, "in": map[string]any{"disabled": true}}, nil)
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(tok)), http.StatusForbidden, "FORBIDDEN", "disabled")
		r := e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false))
		if r.Status != http.StatusUnauthorized && r.Status != http.StatusForbidden || len(r.Errors) == 0 {
			t.Fatalf("session of a disabled account: %d %s", r.Status, clip(string(r.body)))
		}
		if n := e.db.Client.Session.Query().CountX(sysCtx()); n != 0 {
			t.Fatalf("%d sessions left after disabling the only signed-in account", n)
		}
		if n := e.count("persons"); n != 0 {
			t.Fatalf("a disabled account wrote %d persons", n)
		}
		e.ok(update, map[string]any{"id": me.Me.ID, "in": map[string]any{"disabled": false}}, nil)
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(meQuery, nil), bearer(tok)))
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, s.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED")
		e.login("an@test.vn", userPassword)
	})
}

// Only administrators create and change accounts; nobody raises their own
// role; non-administrators see only their own account.
func TestAuthAdminOnly(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		ed := e.as(e.user("editor@test.vn", entuser.RoleEDITOR, nil, entuser.ClearanceNONE))
		var me meResult
		ed.ok(meQuery, nil, &me)
		const createUser = `mutation($in: CreateUserInput!) { createUser(input: $in) { id email role } }`
		const update = `mutation($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { role } }`
		in := map[string]any{"email": "moi@test.vn", "password": "mật khẩu dài đủ", "role": "ADMIN"}
		ed.fails(createUser, map[string]any{"in": in}, "FORBIDDEN")
		ed.fails(update, map[string]any{"id": me.Me.ID, "in": map[string]any{"role": "ADMIN"}}, "FORBIDDEN")
		ed.fails(update, map[string]any{"id": me.Me.ID, "in": map[string]any{"clearance": "TUYET_MAT"}}, "FORBIDDEN")
		ed.ok(meQuery, nil, &me)
		if me.Me.Role != "EDITOR" {
			t.Fatalf("role after refused updates: %s", me.Me.Role)
		}
		var users struct {
			Users struct {
				TotalCount int `json:"totalCount"`
				Edges      []struct {
					Node struct{ Email string } `json:"node"`
				} `json:"edges"`
			} `json:"users"`
		}
		ed.ok(`{ users(first: 10) { totalCount edges { node { email } } } }`, nil, &users)
		if users.Users.TotalCount != 1 || users.Users.Edges[0].Node.Email != "editor@test.vn" {
			t.Fatalf("an editor lists accounts: %+v", users.Users)
		}
		// Anonymous callers get nothing.
		r := e.send(http.MethodPost, "/graphql", gql(`{ users(first: 10) { totalCount } }`, nil), nil)
		if r.code() != "UNAUTHENTICATED" {
			t.Fatalf("anonymous users query: %d %s", r.Status, clip(string(r.body)))
		}

		// Administrators may; the new account signs in; short passwords are
		// refused.
		e.fails(createUser, map[string]any{"in": map[string]any{"email": "ngan@test.vn", "password": "short", "role": "VIEWER"}}, "INVALID_INPUT", "10")
		e.fails(createUser, map[string]any{"in": map[string]any{"email": "not an email", "password": userPassword, "role": "VIEWER"}}, "INVALID_INPUT", "email")
		e.ok(createUser, map[string]any{"in": in}, nil)
		e.login("MOI@test.vn", "mật khẩu dài đủ")
		e.fails(createUser, map[string]any{"in": in}, "CONFLICT")
		e.ok(update, map[string]any{"id": me.Me.ID, "in": map[string]any{"role": "VIEWER"}}, nil)
		ed.ok(meQuery, nil, &me)
		if me.Me.Role != "VIEWER" {
			t.Fatalf("role after the administrator's update: %s", me.Me.Role)
		}
	})
}

// Changing one's password needs the current one, and ends the account's
// other sessions; the old password stops working.
func TestAuthChangePassword(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		e.user("an@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		a := e.login("an@test.vn", userPassword)
		b := e.login("an@test.vn", userPassword)
		const change = `mutation($cur: String!, $next: String!) { changePassword(currentPassword: $cur, newPassword: $next) }`
		const next = "một mật khẩu mới"
		expectErr(t, e.send(http.MethodPost, "/graphql", gql(change, map[string]any{"cur": userPassword, "next": next}), a.headers(false)), http.StatusForbidden, "CSRF")
		r := e.send(http.MethodPost, "/graphql", gql(change, map[string]any{"cur": "not the password", "next": next}), a.headers(true))
		if r.code() != "FORBIDDEN" {
			t.Fatalf("wrong current password: %s", clip(string(r.body)))
		}
		r = e.send(http.MethodPost, "/graphql", gql(change, map[string]any{"cur": userPassword, "next": "short"}), a.headers(true))
		if r.code() != "INVALID_INPUT" {
			t.Fatalf("short new password: %s", clip(string(r.body)))
		}
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, b.headers(false)))
		expectOK(t, e.send(http.MethodPost, "/graphql", gql(change, map[string]any{"cur": userPassword, "next": next}), a.headers(true)))
		expectErr(t, e.send(http.MethodGet, getQuery(meQuery), nil, b.headers(false)), http.StatusUnauthorized, "UNAUTHENTICATED")
		expectErr(t, e.send(http.MethodPost, "/auth/login", loginBody("an@test.vn", userPassword), nil), http.StatusUnauthorized, "UNAUTHENTICATED")
		e.login("an@test.vn", next)
	})
}

// orgsQuery has complexity n+1: a page of n organisations, each one field.
func orgsQuery(n int) string {
	return fmt.Sprintf(`{ organizations(first: %d) { edges { node { name } } } }`, n)
}

// A token's complexity limit refuses costlier operations; a role's budget
// applies to every account of the role, and no token raises an account
// above its role's budget or the server's limit.
func TestTokenComplexityLimit(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true, func(c *Config) {
			c.GraphQL.ComplexityLimit = 200
			c.GraphQL.RoleBudgets = map[viewer.Role]int{viewer.RoleReporter: 50}
		})
		const create = `mutation($in: CreateAPITokenInput!) { createAPIToken(input: $in) { token } }`
		var tok struct {
			CreateAPIToken struct{ Token string } `json:"createAPIToken"`
		}
		v := e.as(e.user("viewer@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceTUYET_MAT))
		v.ok(create, map[string]any{"in": map[string]any{"name": "small", "complexityLimit": 50}}, &tok)
		small := e.as(tok.CreateAPIToken.Token)

		small.ok(orgsQuery(40), nil, nil)
		small.fails(orgsQuery(60), nil, "COMPLEXITY_LIMIT_EXCEEDED", "61", "50")
		v.ok(orgsQuery(60), nil, nil) // the account's other token has no limit of its own
		e.ok(orgsQuery(60), nil, nil) // nor has the administrator's
		e.fails(orgsQuery(250), nil, "COMPLEXITY_LIMIT_EXCEEDED", "200")

		rep := e.as(e.user("reporter@test.vn", entuser.RoleREPORTER, nil, entuser.ClearanceTUYET_MAT))
		rep.ok(orgsQuery(40), nil, nil)
		rep.fails(orgsQuery(60), nil, "COMPLEXITY_LIMIT_EXCEEDED", "50")

		// A token may lower its account's budget, not raise it: a reporter
		// creating a token with a big limit still has the reporter budget,
		// and no account gets past the server's limit.
		t.Run("token cannot raise the role budget", func(t *testing.T) {
			rep.t = t
			rep.ok(create, map[string]any{"in": map[string]any{"name": "big", "complexityLimit": 1_000_000}}, &tok)
			big := e.as(tok.CreateAPIToken.Token)
			big.t = t
			big.fails(orgsQuery(60), nil, "COMPLEXITY_LIMIT_EXCEEDED")
		})
		t.Run("token cannot raise the server limit", func(t *testing.T) {
			v.t = t
			v.ok(create, map[string]any{"in": map[string]any{"name": "huge", "complexityLimit": 1_000_000}}, &tok)
			huge := e.as(tok.CreateAPIToken.Token)
			huge.t = t
			huge.fails(orgsQuery(250), nil, "COMPLEXITY_LIMIT_EXCEEDED")
		})
	})
}

// Each token, session and anonymous address has its own request budget;
// past it, 429 RATE_LIMITED with Retry-After.
func TestTokenRateLimit(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false, func(c *Config) {
			c.AuthHTTP.PerCredential = 1 // burst of 3
			c.AuthHTTP.PerAddress = 1
		})
		tok := e.user("an@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		burst := func(hdr map[string]string) (ok, limited int) {
			t.Helper()
			start := time.Now()
			for range 10 {
				r := e.send(http.MethodGet, getQuery(`{ me { email } }`), nil, hdr)
				switch r.Status {
				case http.StatusOK:
					ok++
				case http.StatusTooManyRequests:
					expectErr(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
					if r.header.Get("Retry-After") == "" {
						t.Fatal("429 without Retry-After")
					}
					limited++
				default:
					t.Fatalf("unexpected %d %s", r.Status, clip(string(r.body)))
				}
			}
			// A burst of 3, then one a second.
			if max := 3 + int(time.Since(start).Seconds()) + 1; ok > max || limited == 0 {
				t.Fatalf("%d requests through and %d limited in %s", ok, limited, time.Since(start))
			}
			return ok, limited
		}
		burst(bearer(tok))
		// Another token has its own budget.
		other := e.user("binh@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE)
		expectOK(t, e.send(http.MethodGet, getQuery(meQuery), nil, bearer(other)))
		// So has a session, and the anonymous callers of an address.
		s := e.login("binh@test.vn", userPassword)
		burst(s.headers(false))
		burst(nil)
	})
}

// Every change is audited in its own transaction: who (by email, with the
// token used), what, before and after; a rolled-back operation leaves no
// record; only administrators read the log and nobody changes it.
func TestAuditTrail(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		edTok := e.user("editor@test.vn", entuser.RoleEDITOR, nil, entuser.ClearanceNONE)
		ed := e.as(edTok)
		var p struct {
			CreatePerson struct{ ID string } `json:"createPerson"`
		}
		// The client selects only the id: the audit log records the whole
		// row whatever the client asks back.
		ed.ok(`mutation { createPerson(input: {fullName: "Nguyễn Văn A"}) { id } }`, nil, &p)
		ed.ok(`mutation($id: ID!) { updatePerson(id: $id, input: {fullName: "Nguyễn Văn B"}) { id } }`, map[string]any{"id": p.CreatePerson.ID}, nil)
		ed.ok(`mutation($id: ID!) { deletePerson(id: $id) }`, map[string]any{"id": p.CreatePerson.ID}, nil)

		type record struct {
			Actor      string         `json:"actor"`
			ActorID    *string        `json:"actorID"`
			TokenID    *string        `json:"tokenID"`
			Action     string         `json:"action"`
			EntityType string         `json:"entityType"`
			EntityID   string         `json:"entityID"`
			Before     map[string]any `json:"before"`
			After      map[string]any `json:"after"`
		}
		records := func(where map[string]any) []record {
			t.Helper()
			var out struct {
				AuditRecords struct {
					Edges []struct {
						Node record `json:"node"`
					} `json:"edges"`
				} `json:"auditRecords"`
			}
			e.ok(`query($w: AuditRecordWhereInput) { auditRecords(first: 1000, where: $w) { edges { node { actor actorID tokenID action entityType entityID before after } } } }`, map[string]any{"w": where}, &out)
			var rs []record
			for _, edge := range out.AuditRecords.Edges {
				rs = append(rs, edge.Node)
			}
			return rs
		}
		rs := records(map[string]any{"entityType": "Person"})
		if len(rs) != 3 {
			t.Fatalf("want 3 audit records of the person, got %+v", rs)
		}
		edID := e.userID("editor@test.vn")
		edToken := e.db.Client.APIToken.Query().Where(apitoken.UserID(edID)).OnlyX(sysCtx())
		byAction := map[string]record{}
		for _, r := range rs {
			byAction[r.Action] = r
			if r.Actor != "editor@test.vn" || r.ActorID == nil || *r.ActorID != gid.Encode(edID) || r.TokenID == nil || *r.TokenID != gid.Encode(edToken.ID) {
				t.Fatalf("actor of %s: %q %v %v", r.Action, r.Actor, r.ActorID, r.TokenID)
			}
			if r.EntityID != rs[0].EntityID {
				t.Fatalf("records of different entities: %+v", rs)
			}
		}
		c, u, d := byAction["CREATE"], byAction["UPDATE"], byAction["DELETE"]
		if c.Before != nil || c.After["full_name"] != "Nguyễn Văn A" {
			t.Errorf("CREATE before %v after %v", c.Before, c.After)
		}
		if u.Before["full_name"] != "Nguyễn Văn A" || u.After["full_name"] != "Nguyễn Văn B" {
			t.Errorf("UPDATE before %v after %v", u.Before, u.After)
		}
		if d.Before["full_name"] != "Nguyễn Văn B" || d.After != nil {
			t.Errorf("DELETE before %v after %v", d.Before, d.After)
		}

		// One operation, one transaction: the second mutation fails, so the
		// first one's row and its audit record are both rolled back.
		all := len(records(nil))
		r := ed.post(`mutation { a: createPerson(input: {fullName: "Trần Thị C"}) { id } b: createPerson(input: {fullName: ""}) { id } }`, nil)
		if r.code() != "VALIDATION" {
			t.Fatalf("second mutation should fail: %+v", r.Errors)
		}
		if n := e.count("persons"); n != 0 {
			t.Fatalf("%d persons left by a failed operation", n)
		}
		if n := len(records(nil)); n != all {
			t.Fatalf("audit records %d → %d after a rolled-back operation", all, n)
		}
		// A refused change is not audited either.
		ed.fails(`mutation { createUser(input: {email: "x@test.vn", password: "correct horse battery", role: ADMIN}) { id } }`, nil, "FORBIDDEN")
		if n := len(records(nil)); n != all {
			t.Fatalf("audit records %d → %d after a refused mutation", all, n)
		}

		// Secrets never reach the log: no password hash, no token hash.
		var tok struct {
			CreateAPIToken struct{ Token string } `json:"createAPIToken"`
		}
		ed.ok(`mutation { createAPIToken(input: {name: "audit"}) { token } }`, nil, &tok)
		e.ok(`mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`, map[string]any{"in": map[string]any{"email": "moi@test.vn", "password": "mật khẩu dài đủ", "role": "VIEWER"}}, nil)
		e.login("moi@test.vn", "mật khẩu dài đủ") // writes the account's row outside GraphQL
		raw, _ := json.Marshal(records(nil))
		sum := sha256.Sum256([]byte(tok.CreateAPIToken.Token))
		for _, secret := range []string{"argon2id", "password_hash", "token_hash", hex.EncodeToString(sum[:]), tok.CreateAPIToken.Token, "csrf"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Fatalf("the audit log holds %q", secret)
			}
		}
		if len(records(map[string]any{"entityType": "APIToken", "action": "CREATE"})) == 0 || len(records(map[string]any{"entityType": "User", "action": "CREATE"})) == 0 {
			t.Fatal("token and account creation are not audited")
		}

		// Only administrators read the log.
		q := `{ auditRecords(first: 5) { totalCount edges { node { actor } } } }`
		for _, role := range []entuser.Role{entuser.RoleEDITOR, entuser.RoleREPORTER, entuser.RoleVIEWER} {
			who := e.as(e.user(strings.ToLower(string(role))+"2@test.vn", role, nil, entuser.ClearanceTUYET_MAT))
			who.fails(q, nil, "FORBIDDEN", "administrators")
		}
		if r := e.send(http.MethodPost, "/graphql", gql(q, nil), nil); r.code() != "UNAUTHENTICATED" {
			t.Fatalf("anonymous audit query: %s", clip(string(r.body)))
		}

		// No mutation writes audit records.
		var schema struct {
			Schema struct {
				MutationType struct {
					Fields []struct{ Name string } `json:"fields"`
				} `json:"mutationType"`
			} `json:"__schema"`
		}
		e.ok(`{ __schema { mutationType { fields { name } } } }`, nil, &schema)
		if len(schema.Schema.MutationType.Fields) == 0 {
			t.Fatal("no mutations found by introspection")
		}
		for _, f := range schema.Schema.MutationType.Fields {
			if strings.Contains(strings.ToLower(f.Name), "audit") {
				t.Fatalf("mutation %s touches the audit log", f.Name)
			}
		}
		// Nor does any code path, even as the system, short of the audit hook.
		ctx := sysCtx()
		rec := e.db.Client.AuditRecord.Query().FirstX(ctx)
		mustDeny := func(what string, err error) {
			t.Helper()
			if err == nil {
				t.Fatalf("%s: the audit log accepted a direct write", what)
			}
		}
		mustDeny("create", e.db.Client.AuditRecord.Create().SetAt(time.Now()).SetActor("forger").SetAction(auditrecord.ActionCREATE).SetEntityType("Person").SetEntityID(1).Exec(ctx))
		_, err := e.db.Client.AuditRecord.Delete().Exec(ctx)
		mustDeny("delete", err)
		_, err = e.db.Client.AuditRecord.Update().Where(auditrecord.ID(rec.ID)).Save(ctx)
		mustDeny("update", err)
		if n := len(records(nil)); n < all {
			t.Fatalf("audit records shrank: %d → %d", all, n)
		}
		if got := e.db.Client.AuditRecord.GetX(ctx, rec.ID); got.Actor != rec.Actor {
			t.Fatalf("audit record changed: %q → %q", rec.Actor, got.Actor)
		}
	})
}

// An embed token runs the saved query it was made for. When the query is
// someone else's shared one, its owner must not be able to change what the
// token runs: the token reads with its creator's scope and clearance, and
// embed tokens are public in the pages that use them, so the owner would
// read through it what only the token's creator may see. (Refusing embed
// tokens over other accounts' queries, or pinning the token to the
// document's hash, both keep this.)
func TestEmbedTokenPinsItsQuery(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		var org struct {
			CreateOrganization struct{ ID string } `json:"createOrganization"`
		}
		e.ok(`mutation { createOrganization(input: {name: "Tỉnh ủy Nghệ An", system: PARTY, level: PROVINCIAL}) { id } }`, nil, &org)
		const dir = `mutation($o: ID!, $s: String!, $n: Int!, $sec: DirectiveSecrecy!) { createDirective(input: {symbol: $s, number: $n, typeCode: "CT", docType: CHI_THI, system: PARTY, issuerID: $o, issueDate: "2025-01-10T00:00:00Z", subject: "Chỉ thị", secrecy: $sec}) { id } }`
		e.ok(dir, map[string]any{"o": org.CreateOrganization.ID, "s": "01-CT/TU", "n": 1, "sec": "TUYET_MAT"}, nil)
		e.ok(dir, map[string]any{"o": org.CreateOrganization.ID, "s": "02-CT/TU", "n": 2, "sec": "NONE"}, nil)

		owner := e.as(e.user("owner@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceNONE))
		cleared := e.as(e.user("cleared@test.vn", entuser.RoleVIEWER, nil, entuser.ClearanceTUYET_MAT))
		const public = `query { directives(first: 10, where: {secrecy: NONE}) { edges { node { symbol } } } }`
		var sq struct {
			CreateSavedQuery struct{ ID string } `json:"createSavedQuery"`
		}
		owner.ok(`mutation($in: CreateSavedQueryInput!) { createSavedQuery(input: $in) { id } }`, map[string]any{"in": map[string]any{"name": "công khai", "document": public, "sharing": "SHARED"}}, &sq)
		var emb struct {
			CreateEmbedToken struct{ Token string } `json:"createEmbedToken"`
		}
		// Refusing to embed another account's query is one way to keep this.
		made := cleared.post(`mutation($id: ID!) { createEmbedToken(input: {name: "cổng", savedQueryID: $id}) { token } }`, map[string]any{"id": sq.CreateSavedQuery.ID})
		if c := made.code(); c == "INVALID_INPUT" || c == "FORBIDDEN" {
			return
		}
		if err := json.Unmarshal(made.Data, &emb); err != nil || len(made.Errors) > 0 || emb.CreateEmbedToken.Token == "" {
			t.Fatalf("create the embed token: %s %+v", made.Data, made.Errors)
		}
		r := e.send(http.MethodPost, "/graphql", gql(public, nil), bearer(emb.CreateEmbedToken.Token))
		expectOK(t, r)
		if !bytes.Contains(r.Data, []byte("02-CT/TU")) || bytes.Contains(r.Data, []byte("01-CT/TU")) {
			t.Fatalf("embed answer: %s", r.Data)
		}

		// The owner rewrites its shared query (the API may refuse; the point
		// is what the token runs afterwards).
		const secret = `query { directives(first: 10) { edges { node { symbol subject } } } }`
		owner.post(`mutation($id: ID!, $doc: String!) { updateSavedQuery(id: $id, input: {document: $doc}) { id } }`, map[string]any{"id": sq.CreateSavedQuery.ID, "doc": secret})
		sum := sha256.Sum256([]byte(secret))
		byHash, _ := json.Marshal(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}})
		for name, body := range map[string][]byte{"text": gql(secret, nil), "hash": byHash} {
			r := e.send(http.MethodPost, "/graphql", body, bearer(emb.CreateEmbedToken.Token))
			if bytes.Contains(r.body, []byte("01-CT/TU")) {
				t.Errorf("by %s: the saved query's owner (clearance NONE) read a TUYET_MAT directive through another account's embed token: %s", name, clip(string(r.body)))
			}
		}
		// The owner's own token still does not see it, of course.
		if own := owner.post(`{ directives(first: 10) { edges { node { symbol } } } }`, nil); bytes.Contains(own.Data, []byte("01-CT/TU")) {
			t.Fatal("clearance NONE reads a TUYET_MAT directive")
		}
	})
}

// An embed token is read-only: a saved query that can run a mutation is
// refused when the token is made, however the document hides it (a query
// first, the mutation chosen by operationName), and in any case nothing is
// ever written through an embed token.
func TestEmbedTokenOnlyQueries(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		const doc = `query Harmless { __typename } mutation Write { createPerson(input: {fullName: "Qua embed"}) { id } }`
		var sq struct {
			CreateSavedQuery struct{ ID string } `json:"createSavedQuery"`
		}
		e.ok(`mutation($in: CreateSavedQueryInput!) { createSavedQuery(input: $in) { id } }`, map[string]any{"in": map[string]any{"name": "hidden write", "document": doc, "operationName": "Write"}}, &sq)
		r := e.post(`mutation($id: ID!) { createEmbedToken(input: {name: "x", savedQueryID: $id}) { token } }`, map[string]any{"id": sq.CreateSavedQuery.ID})
		if r.code() != "INVALID_INPUT" {
			t.Errorf("an embed token was made for a saved query whose operation is a mutation: %s %+v", r.Data, r.Errors)
		}
		var emb struct {
			CreateEmbedToken *struct{ Token string } `json:"createEmbedToken"`
		}
		_ = json.Unmarshal(r.Data, &emb)
		if emb.CreateEmbedToken != nil {
			rr := e.send(http.MethodPost, "/graphql", gql(doc, nil), bearer(emb.CreateEmbedToken.Token))
			if rr.code() != "FORBIDDEN" {
				t.Errorf("the embed's mutation was not refused: %s", clip(string(rr.body)))
			}
		}
		if n := e.count("persons"); n != 0 {
			t.Fatalf("an embed token wrote %d persons", n)
		}
	})
}
