// Package auth manages accounts and credentials — argon2id passwords,
// browser sessions with CSRF tokens, hashed API and embed tokens, login
// throttling, the first administrator — and turns a request's credential
// into the viewer that the access rules read.
package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/session"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/status"
	"github.com/chidao/chidao/internal/viewer"
)

// Error is a credential problem the caller can read and act on.
type Error struct {
	Code string // UNAUTHENTICATED, FORBIDDEN, LOCKED, INVALID_INPUT, NOT_FOUND
	Msg  string
	// RetryAfter is set with LOCKED.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Msg }

// ClientSafe marks the message as safe to show.
func (e *Error) ClientSafe() bool { return true }

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// ErrBadCredentials is the one answer to a wrong email or password.
var ErrBadCredentials = &Error{Code: "UNAUTHENTICATED", Msg: "wrong email or password"}

// Config of the credential rules.
type Config struct {
	SessionTTL   time.Duration // a session lasts this long without use
	MaxFailures  int           // failed logins in a row before a lock
	LockDuration time.Duration // how long the lock lasts
}

// DefaultConfig: 12-hour sessions; 5 failures lock an account 15 minutes.
func DefaultConfig() Config {
	return Config{SessionTTL: 12 * time.Hour, MaxFailures: 5, LockDuration: 15 * time.Minute}
}

// Service is the credential service over the ent client.
type Service struct {
	client *ent.Client
	cfg    Config
	now    func() time.Time
}

// New returns the service.
func New(client *ent.Client, cfg Config) *Service {
	return &Service{client: client, cfg: cfg, now: time.Now}
}

// c is the client to use: the transaction of the current GraphQL mutation
// when there is one, so the service's writes join it.
func (s *Service) c(ctx context.Context) *ent.Client {
	if tx := ent.FromContext(ctx); tx != nil {
		return tx
	}
	return s.client
}

// sys runs the service's own reads and writes as the system: callers are
// checked by the service itself before.
func sys(ctx context.Context) context.Context { return viewer.NewContext(ctx, viewer.System()) }

// NormalizeEmail lower-cases and checks an email address.
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
		return "", errorf("INVALID_INPUT", "%q is not an email address", email)
	}
	return e, nil
}

// UserInput describes an account to create.
type UserInput struct {
	Email       string
	DisplayName string
	Password    string
	Role        user.Role
	ScopeID     *int
	Clearance   user.Clearance
	MustChange  bool
}

// CreateUser creates an account. The caller's permission is checked by the
// access rules (administrators and the system only).
func (s *Service) CreateUser(ctx context.Context, in UserInput) (*ent.User, error) {
	email, err := NormalizeEmail(in.Email)
	if err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return nil, errorf("INVALID_INPUT", "%s", err)
	}
	if in.Role == "" {
		in.Role = user.RoleVIEWER
	}
	if in.Clearance == "" {
		in.Clearance = user.ClearanceNONE
	}
	return s.c(ctx).User.Create().
		SetEmail(email).SetDisplayName(in.DisplayName).SetPasswordHash(hash).
		SetRole(in.Role).SetNillableScopeID(in.ScopeID).SetClearance(in.Clearance).
		SetMustChangePassword(in.MustChange).
		Save(ctx)
}

// SetPassword replaces an account's password and ends its sessions.
func (s *Service) SetPassword(ctx context.Context, userID int, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return errorf("INVALID_INPUT", "%s", err)
	}
	if err := s.c(ctx).User.UpdateOneID(userID).SetPasswordHash(hash).
		SetMustChangePassword(false).SetFailedLogins(0).ClearLockedUntil().Exec(ctx); err != nil {
		return err
	}
	_, err = s.c(ctx).Session.Delete().Where(session.UserID(userID)).Exec(sys(ctx))
	return err
}

// Login checks a password and opens a session. It returns the session
// secret (the cookie value) and the CSRF token. Failed attempts count
// against the account, which locks after MaxFailures in a row.
func (s *Service) Login(ctx context.Context, email, password, ip, userAgent string) (*ent.User, string, string, error) {
	ctx = sys(ctx)
	email, err := NormalizeEmail(email)
	if err != nil {
		CheckPassword(dummyHash, password)
		return nil, "", "", ErrBadCredentials
	}
	u, err := s.c(ctx).User.Query().Where(user.Email(email)).Only(ctx)
	if ent.IsNotFound(err) {
		CheckPassword(dummyHash, password)
		return nil, "", "", ErrBadCredentials
	}
	if err != nil {
		return nil, "", "", err
	}
	now := s.now()
	if u.LockedUntil != nil && now.Before(*u.LockedUntil) {
		wait := u.LockedUntil.Sub(now).Round(time.Second)
		return nil, "", "", &Error{Code: "LOCKED", Msg: fmt.Sprintf("too many failed logins; try again in %s", wait), RetryAfter: wait}
	}
	if u.Disabled || u.PasswordHash == "" || !CheckPassword(u.PasswordHash, password) {
		upd := s.c(ctx).User.UpdateOneID(u.ID).AddFailedLogins(1)
		if u.FailedLogins+1 >= s.cfg.MaxFailures {
			upd.SetLockedUntil(now.Add(s.cfg.LockDuration)).SetFailedLogins(0)
		}
		if err := upd.Exec(ctx); err != nil {
			return nil, "", "", err
		}
		return nil, "", "", ErrBadCredentials
	}
	secret, csrf := newSecret(""), randomHex(32)
	if _, err := s.c(ctx).Session.Create().
		SetTokenHash(hashSecret(secret)).SetCsrfToken(csrf).SetUserID(u.ID).
		SetCreatedAt(now).SetLastSeenAt(now).SetExpiresAt(now.Add(s.cfg.SessionTTL)).
		SetIP(clip(ip, 64)).SetUserAgent(clip(userAgent, 400)).
		Save(ctx); err != nil {
		return nil, "", "", err
	}
	if err := s.c(ctx).User.UpdateOneID(u.ID).SetFailedLogins(0).ClearLockedUntil().SetLastLoginAt(now).Exec(ctx); err != nil {
		return nil, "", "", err
	}
	return u, secret, csrf, nil
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, secret string) error {
	_, err := s.c(ctx).Session.Delete().Where(session.TokenHash(hashSecret(secret))).Exec(sys(ctx))
	return err
}

// SessionViewer returns the viewer of a session cookie and its CSRF token.
func (s *Service) SessionViewer(ctx context.Context, secret string) (*viewer.Viewer, string, error) {
	ctx = sys(ctx)
	sess, err := s.c(ctx).Session.Query().Where(session.TokenHash(hashSecret(secret))).WithUser().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, "", errorf("UNAUTHENTICATED", "your session has ended; sign in again")
	}
	if err != nil {
		return nil, "", err
	}
	now := s.now()
	if now.After(sess.ExpiresAt) {
		_ = s.c(ctx).Session.DeleteOne(sess).Exec(ctx)
		return nil, "", errorf("UNAUTHENTICATED", "your session has expired; sign in again")
	}
	// Sliding expiry, written at most once a minute.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		_ = s.c(ctx).Session.UpdateOne(sess).SetLastSeenAt(now).SetExpiresAt(now.Add(s.cfg.SessionTTL)).Exec(ctx)
	}
	v, err := s.userViewer(ctx, sess.Edges.User)
	if err != nil {
		return nil, "", err
	}
	return v, sess.CsrfToken, nil
}

// userViewer builds the viewer of an account, with its scope's path.
func (s *Service) userViewer(ctx context.Context, u *ent.User) (*viewer.Viewer, error) {
	if u.Disabled {
		return nil, errorf("FORBIDDEN", "this account is disabled")
	}
	v := &viewer.Viewer{UserID: u.ID, Email: u.Email, Role: viewer.Role(u.Role), Clearance: string(u.Clearance)}
	if u.ScopeID != nil {
		org, err := s.c(ctx).Organization.Get(sys(ctx), *u.ScopeID)
		if err != nil {
			return nil, fmt.Errorf("scope of %s: %w", u.Email, err)
		}
		v.ScopeOrgID, v.ScopePath = org.ID, org.Path
	}
	return v, nil
}

// TokenInput describes a token to create.
type TokenInput struct {
	UserID          int
	Name            string
	ExpiresAt       *time.Time
	ComplexityLimit *int
	// Embed tokens only:
	SavedQueryID   int
	Variables      map[string]any
	AllowedOrigins []string
}

// CreateToken creates an API token (or, with SavedQueryID, an embed token)
// and returns its secret, which is shown once and never stored. Whether
// the caller may is checked by the access rules on ctx's viewer.
func (s *Service) CreateToken(ctx context.Context, in TokenInput) (string, *ent.APIToken, error) {
	if strings.TrimSpace(in.Name) == "" {
		return "", nil, errorf("INVALID_INPUT", "a token needs a name")
	}
	if in.ExpiresAt != nil && !in.ExpiresAt.After(s.now()) {
		return "", nil, errorf("INVALID_INPUT", "the expiry %s is in the past", in.ExpiresAt.Format(time.RFC3339))
	}
	prefix, kind := apiPrefix, apitoken.KindAPI
	if in.SavedQueryID != 0 {
		prefix, kind = embedPrefix, apitoken.KindEMBED
		q, err := s.c(ctx).SavedQuery.Query().Where(savedquery.ID(in.SavedQueryID)).Only(ctx)
		if err != nil {
			return "", nil, errorf("NOT_FOUND", "saved query not found")
		}
		// The token runs the query's current document: only its owner, who
		// alone can change that document, may publish it as an embed.
		if q.OwnerID != in.UserID {
			return "", nil, errorf("FORBIDDEN", "only the owner of a saved query may create embed tokens for it")
		}
		if err := onlyQueries(q.Document); err != nil {
			return "", nil, err
		}
		for _, o := range in.AllowedOrigins {
			if !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") || strings.Count(o, "/") != 2 {
				return "", nil, errorf("INVALID_INPUT", "origin %q must look like https://portal.example.vn", o)
			}
		}
	}
	secret := newSecret(prefix)
	c := s.c(ctx).APIToken.Create().
		SetName(in.Name).SetKind(kind).SetPrefix(displayPrefix(secret)).SetTokenHash(hashSecret(secret)).
		SetUserID(in.UserID).SetNillableExpiresAt(in.ExpiresAt).SetNillableComplexityLimit(in.ComplexityLimit)
	if kind == apitoken.KindEMBED {
		c.SetSavedQueryID(in.SavedQueryID).SetVariables(in.Variables).SetAllowedOrigins(in.AllowedOrigins)
	}
	t, err := c.Save(ctx)
	if err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// RevokeToken revokes a token (the access rules check ownership).
func (s *Service) RevokeToken(ctx context.Context, id int) (*ent.APIToken, error) {
	return s.c(ctx).APIToken.UpdateOneID(id).SetRevokedAt(s.now()).Save(ctx)
}

// Embed is what an embed token may run.
type Embed struct {
	Query          *ent.SavedQuery
	Variables      map[string]any
	AllowedOrigins []string
}

// TokenViewer returns the viewer of a bearer token, and for an embed token
// what it may run. Expired, revoked and unknown tokens are refused with a
// message that says which.
func (s *Service) TokenViewer(ctx context.Context, secret string) (*viewer.Viewer, *Embed, error) {
	ctx = sys(ctx)
	t, err := s.c(ctx).APIToken.Query().Where(apitoken.TokenHash(hashSecret(secret))).WithUser().WithSavedQuery().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil, errorf("UNAUTHENTICATED", "unknown token")
	}
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	switch {
	case t.RevokedAt != nil:
		return nil, nil, errorf("UNAUTHENTICATED", "this token was revoked on %s", t.RevokedAt.In(status.Zone).Format("2006-01-02"))
	case t.ExpiresAt != nil && now.After(*t.ExpiresAt):
		return nil, nil, errorf("UNAUTHENTICATED", "this token expired on %s", t.ExpiresAt.In(status.Zone).Format("2006-01-02"))
	}
	v, err := s.userViewer(ctx, t.Edges.User)
	if err != nil {
		return nil, nil, err
	}
	v.TokenID = t.ID
	if t.ComplexityLimit != nil {
		v.ComplexityLimit = *t.ComplexityLimit
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		_ = s.c(ctx).APIToken.UpdateOneID(t.ID).SetLastUsedAt(now).Exec(ctx)
	}
	if t.Kind != apitoken.KindEMBED {
		return v, nil, nil
	}
	if t.Edges.SavedQuery == nil {
		return nil, nil, errorf("UNAUTHENTICATED", "the saved query of this embed token was deleted")
	}
	v.Role = viewer.RoleEmbed
	v.SavedQueryID = t.Edges.SavedQuery.ID
	return v, &Embed{Query: t.Edges.SavedQuery, Variables: t.Variables, AllowedOrigins: t.AllowedOrigins}, nil
}

// Bootstrap creates the first administrator when there is no account yet:
// from email and password when given, else admin@localhost with a random
// one-time password, returned so the caller can print it once.
func (s *Service) Bootstrap(ctx context.Context, email, password string) (created *ent.User, oneTime string, err error) {
	ctx = sys(ctx)
	n, err := s.c(ctx).User.Query().Count(ctx)
	if err != nil || n > 0 {
		return nil, "", err
	}
	must := false
	if email == "" {
		email = "admin@localhost"
	}
	if password == "" {
		password, must = randomHex(12), true
		oneTime = password
	}
	u, err := s.CreateUser(ctx, UserInput{Email: email, Password: password, Role: user.RoleADMIN, Clearance: user.ClearanceTUYET_MAT, MustChange: must, DisplayName: "Administrator"})
	if err != nil {
		return nil, "", fmt.Errorf("create the first administrator: %w", err)
	}
	return u, oneTime, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// onlyQueries refuses a document with any operation other than a query.
func onlyQueries(doc string) error {
	d, err := parser.ParseQuery(&ast.Source{Input: doc})
	if err != nil {
		return errorf("INVALID_INPUT", "the saved query does not parse: %v", err)
	}
	if len(d.Operations) == 0 {
		return errorf("INVALID_INPUT", "the saved query has no operation")
	}
	for _, op := range d.Operations {
		if op.Operation != ast.Query {
			return errorf("INVALID_INPUT", "an embed token can only run queries, and the saved query has a %s", op.Operation)
		}
	}
	return nil
}

// IsAuthError reports whether err is a credential Error.
func IsAuthError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// UserUpdate changes an account; nil fields keep their value.
type UserUpdate struct {
	DisplayName *string
	Role        *user.Role
	ScopeID     *int
	ClearScope  bool
	Clearance   *user.Clearance
	Disabled    *bool
	Password    *string
}

// UpdateUser changes an account (the access rules allow administrators).
// A new password, or disabling, ends the account's sessions.
func (s *Service) UpdateUser(ctx context.Context, id int, in UserUpdate) (*ent.User, error) {
	upd := s.c(ctx).User.UpdateOneID(id).
		SetNillableDisplayName(in.DisplayName).SetNillableRole(in.Role).
		SetNillableClearance(in.Clearance).SetNillableDisabled(in.Disabled)
	if in.ClearScope {
		upd.ClearScopeID()
	} else if in.ScopeID != nil {
		upd.SetScopeID(*in.ScopeID)
	}
	endSessions := in.Disabled != nil && *in.Disabled
	if in.Password != nil {
		hash, err := HashPassword(*in.Password)
		if err != nil {
			return nil, errorf("INVALID_INPUT", "%s", err)
		}
		upd.SetPasswordHash(hash).SetMustChangePassword(false)
		endSessions = true
	}
	u, err := upd.Save(ctx)
	if err != nil {
		return nil, err
	}
	if endSessions {
		if _, err := s.c(ctx).Session.Delete().Where(session.UserID(id)).Exec(sys(ctx)); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// ChangePassword changes the viewer's own password after checking the
// current one, and ends its sessions.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return errorf("UNAUTHENTICATED", "sign in first")
	}
	u, err := s.c(ctx).User.Get(sys(ctx), v.UserID)
	if err != nil {
		return err
	}
	if !CheckPassword(u.PasswordHash, current) {
		return errorf("FORBIDDEN", "the current password is wrong")
	}
	return s.SetPassword(sys(ctx), v.UserID, next)
}
