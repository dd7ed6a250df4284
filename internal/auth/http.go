package auth

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/viewer"
)

// SessionCookie is the name of the browser session cookie.
const SessionCookie = "chidao_session"

// CSRFHeader carries the session's CSRF token on cookie-authenticated writes.
const CSRFHeader = "X-CSRF-Token"

// HTTPConfig of the HTTP side of authentication.
type HTTPConfig struct {
	// SecureCookies marks the session cookie Secure (HTTPS only). Leave it on
	// unless serving plain HTTP on a trusted network or loopback.
	SecureCookies bool
	// Rate limits, requests per second with a burst of twice as many: per
	// token or session, and per client address for anonymous callers and
	// logins.
	PerCredential rate.Limit
	PerAddress    rate.Limit
	LoginPerMin   int
	MaxBodyBytes  int64
}

// DefaultHTTPConfig suits one instance on a busy office network.
func DefaultHTTPConfig() HTTPConfig {
	return HTTPConfig{SecureCookies: false, PerCredential: 50, PerAddress: 100, LoginPerMin: 20, MaxBodyBytes: 2 << 20}
}

// HTTP is the authentication layer of the HTTP server.
type HTTP struct {
	svc   *Service
	cfg   HTTPConfig
	log   *slog.Logger
	cred  *limiters
	addr  *limiters
	login *limiters
}

// NewHTTP returns the HTTP authentication layer.
func NewHTTP(svc *Service, cfg HTTPConfig, log *slog.Logger) *HTTP {
	return &HTTP{
		svc: svc, cfg: cfg, log: log,
		cred:  newLimiters(cfg.PerCredential, int(2*cfg.PerCredential)+1),
		addr:  newLimiters(cfg.PerAddress, int(2*cfg.PerAddress)+1),
		login: newLimiters(rate.Limit(float64(cfg.LoginPerMin)/60), cfg.LoginPerMin),
	}
}

// Routes adds /auth/login, /auth/logout and /auth/session.
func (h *HTTP) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /auth/login", h.handleLogin)
	mux.HandleFunc("POST /auth/logout", h.handleLogout)
	mux.HandleFunc("GET /auth/session", h.handleSession)
}

// Middleware puts the caller's viewer in the request context: from a bearer
// token, or from the session cookie (with a CSRF check on writes). Bad
// credentials are refused here with 401; no credentials at all pass as
// anonymous, and the access rules refuse what anonymous may not do.
func (h *HTTP) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			h.preflight(w, r)
			return
		}
		ctx := r.Context()
		if authz := r.Header.Get("Authorization"); authz != "" {
			scheme, secret, _ := strings.Cut(authz, " ")
			if !strings.EqualFold(scheme, "Bearer") || secret == "" {
				writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "use the Authorization header as: Bearer <token>")
				return
			}
			v, embed, err := h.svc.TokenViewer(ctx, strings.TrimSpace(secret))
			if err != nil {
				h.fail(w, err)
				return
			}
			if !h.cred.allow("t" + strconv.Itoa(v.TokenID)) {
				tooMany(w, "this token")
				return
			}
			if origin := r.Header.Get("Origin"); origin != "" {
				w.Header().Set("Access-Control-Allow-Origin", origin)
				w.Header().Add("Vary", "Origin")
			}
			if embed != nil {
				if err := h.embedRequest(r, embed); err != nil {
					h.fail(w, err)
					return
				}
			}
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
			return
		}
		if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			v, csrf, err := h.svc.SessionViewer(ctx, c.Value)
			if err != nil {
				h.fail(w, err)
				return
			}
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				got := r.Header.Get(CSRFHeader)
				if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(csrf)) != 1 {
					writeError(w, http.StatusForbidden, "CSRF", "missing or wrong "+CSRFHeader+" header: send the token /auth/session returns")
					return
				}
			}
			if !h.cred.allow("u" + strconv.Itoa(v.UserID)) {
				tooMany(w, "this session")
				return
			}
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
			return
		}
		if !h.addr.allow(clientIP(r)) {
			tooMany(w, "this address")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// preflight answers CORS preflights: bearer-token clients (portals that
// embed dashboards) may call /graphql from other origins; cookies are never
// sent cross-origin.
func (h *HTTP) preflight(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" {
		hd := w.Header()
		hd.Set("Access-Control-Allow-Origin", origin)
		hd.Set("Access-Control-Allow-Methods", "GET, POST")
		hd.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		hd.Set("Access-Control-Max-Age", "600")
		hd.Add("Vary", "Origin")
	}
	w.WriteHeader(http.StatusNoContent)
}

// gqlParams is a GraphQL request as sent.
type gqlParams struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    struct {
		PersistedQuery *struct {
			Sha256Hash string `json:"sha256Hash"`
		} `json:"persistedQuery"`
	} `json:"extensions"`
}

// embedRequest lets an embed token run its saved query and nothing else: the
// request must name the query by its persisted-query hash (or send the
// exact text); it is rewritten to the stored document with the token's
// fixed variables. The origin must be one the token allows.
func (h *HTTP) embedRequest(r *http.Request, e *Embed) error {
	if len(e.AllowedOrigins) > 0 && !slices.Contains(e.AllowedOrigins, r.Header.Get("Origin")) {
		return errorf("FORBIDDEN", "this embed token may not be used from origin %q", r.Header.Get("Origin"))
	}
	var p gqlParams
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		p.Query = q.Get("query")
		if ext := q.Get("extensions"); ext != "" {
			if err := json.Unmarshal([]byte(ext), &p.Extensions); err != nil {
				return errorf("INVALID_INPUT", "extensions is not JSON")
			}
		}
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, h.cfg.MaxBodyBytes))
		if err != nil {
			return errorf("INVALID_INPUT", "unreadable body")
		}
		if err := json.Unmarshal(body, &p); err != nil {
			return errorf("INVALID_INPUT", "the body is not a GraphQL JSON request")
		}
	default:
		return errorf("FORBIDDEN", "an embed token runs only its saved query")
	}
	sum := sha256.Sum256([]byte(e.Query.Document))
	hash := hex.EncodeToString(sum[:])
	byHash := p.Extensions.PersistedQuery != nil && p.Extensions.PersistedQuery.Sha256Hash == hash && (p.Query == "" || p.Query == e.Query.Document)
	byText := p.Extensions.PersistedQuery == nil && p.Query == e.Query.Document
	if !byHash && !byText {
		return errorf("FORBIDDEN", "an embed token runs only its saved query (send its persisted-query hash %s)", hash)
	}
	vars := map[string]any{}
	for k, v := range e.Query.Variables {
		vars[k] = v
	}
	for k, v := range e.Variables {
		vars[k] = v
	}
	body, _ := json.Marshal(map[string]any{"query": e.Query.Document, "operationName": e.Query.OperationName, "variables": vars})
	r.Method = http.MethodPost
	r.URL.RawQuery = ""
	r.Header.Set("Content-Type", "application/json")
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	return nil
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type sessionInfo struct {
	User      userInfo `json:"user"`
	CSRFToken string   `json:"csrfToken"`
}

type userInfo struct {
	ID                 string `json:"id"`
	Email              string `json:"email"`
	DisplayName        string `json:"displayName"`
	Role               string `json:"role"`
	Clearance          string `json:"clearance"`
	MustChangePassword bool   `json:"mustChangePassword"`
}

func (h *HTTP) handleLogin(w http.ResponseWriter, r *http.Request) {
	if !h.login.allow(clientIP(r)) {
		tooMany(w, "logins from this address")
		return
	}
	// A JSON body cannot be sent cross-site by a plain HTML form, which
	// closes login CSRF.
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, "INVALID_INPUT", "send the login as application/json")
		return
	}
	var req loginRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<10)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "send {\"email\": …, \"password\": …} as JSON")
		return
	}
	u, secret, csrf, err := h.svc.Login(r.Context(), req.Email, req.Password, clientIP(r), r.UserAgent())
	if err != nil {
		h.fail(w, err)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: secret, Path: "/", HttpOnly: true,
		Secure: h.cfg.SecureCookies || r.TLS != nil, SameSite: http.SameSiteLaxMode,
		// No Max-Age: a browser-session cookie; the server ends the session
		// after SessionTTL without use, sliding while it is used.
	})
	h.log.InfoContext(r.Context(), "login", "email", u.Email, "remote", clientIP(r))
	writeJSON(w, http.StatusOK, sessionInfo{User: info(u), CSRFToken: csrf})
}

func (h *HTTP) handleLogout(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
		return
	}
	_, csrf, err := h.svc.SessionViewer(r.Context(), c.Value)
	if err == nil {
		got := r.Header.Get(CSRFHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(csrf)) != 1 {
			writeError(w, http.StatusForbidden, "CSRF", "missing or wrong "+CSRFHeader+" header")
			return
		}
		if err := h.svc.Logout(r.Context(), c.Value); err != nil {
			h.fail(w, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, MaxAge: -1, SameSite: http.SameSiteLaxMode, Secure: h.cfg.SecureCookies || r.TLS != nil})
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func (h *HTTP) handleSession(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", "not signed in")
		return
	}
	v, csrf, err := h.svc.SessionViewer(r.Context(), c.Value)
	if err != nil {
		h.fail(w, err)
		return
	}
	u, err := h.svc.client.User.Get(sys(r.Context()), v.UserID)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, sessionInfo{User: info(u), CSRFToken: csrf})
}

func info(u *ent.User) userInfo {
	return userInfo{ID: gid.Encode(u.ID), Email: u.Email, DisplayName: u.DisplayName, Role: string(u.Role), Clearance: string(u.Clearance), MustChangePassword: u.MustChangePassword}
}

// fail answers an error: credential errors with their code, anything else
// as an internal error (logged).
func (h *HTTP) fail(w http.ResponseWriter, err error) {
	var e *Error
	if errors.As(err, &e) {
		status := http.StatusUnauthorized
		switch e.Code {
		case "FORBIDDEN":
			status = http.StatusForbidden
		case "LOCKED":
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(int(e.RetryAfter.Seconds())+1))
		case "INVALID_INPUT":
			status = http.StatusBadRequest
		case "NOT_FOUND":
			status = http.StatusNotFound
		}
		writeError(w, status, e.Code, e.Msg)
		return
	}
	h.log.Error("auth", "err", err)
	writeError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
}

func tooMany(w http.ResponseWriter, who string) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, "RATE_LIMITED", "too many requests from "+who+"; slow down")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with a GraphQL-shaped error body.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": code}}},
	})
}

// clientIP is the caller's address. chidao does not trust X-Forwarded-For:
// behind a proxy, rate limits apply to the proxy's address.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiters are token buckets by key, forgotten after ten idle minutes.
type limiters struct {
	mu    sync.Mutex
	limit rate.Limit
	burst int
	m     map[string]*entry
	sweep time.Time
}

type entry struct {
	l    *rate.Limiter
	seen time.Time
}

func newLimiters(limit rate.Limit, burst int) *limiters {
	return &limiters{limit: limit, burst: max(burst, 1), m: map[string]*entry{}}
}

func (l *limiters) allow(key string) bool {
	if l.limit <= 0 {
		return true
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute {
		for k, e := range l.m {
			if now.Sub(e.seen) > 10*time.Minute {
				delete(l.m, k)
			}
		}
		l.sweep = now
	}
	e, ok := l.m[key]
	if !ok {
		e = &entry{l: rate.NewLimiter(l.limit, l.burst)}
		l.m[key] = e
	}
	e.seen = now
	return e.l.AllowN(now, 1)
}
