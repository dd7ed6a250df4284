package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/privacy"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/docparse"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/viewer"
)

// errInternal is what a client sees of a failure it did not cause. The
// detail goes to the log, never to the client.
var errInternal = errors.New("internal error")

// presentError is the one error presenter: errors clients can act on keep
// their message and gain a code (and the field, for validation); anything
// else is logged and reaches the client as "internal error".
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		cause := err
		var ge *gqlerror.Error
		if errors.As(err, &ge) {
			if ge.Err == nil {
				// gqlgen's own parse, validation and limit errors.
				return gerr
			}
			cause = ge.Err
		}
		code, field, msg := classify(cause)
		if code == "FORBIDDEN" && viewer.FromContext(ctx) == nil {
			code = "UNAUTHENTICATED"
		}
		if code == "INTERNAL" {
			log.ErrorContext(ctx, "graphql error", "path", gerr.Path.String(), "err", cause)
		}
		gerr.Message = msg
		gerr.Extensions = map[string]any{"code": code}
		if field != "" {
			gerr.Extensions["field"] = field
		}
		return gerr
	}
}

// classify maps an error to a client-facing code, field and message.
func classify(err error) (code, field, msg string) {
	var (
		nf *ent.NotFoundError
		ve *ent.ValidationError
		ce *ent.ConstraintError
		ns *ent.NotSingularError
		ie *gid.Error
		ue *UserError
	)
	var ae *auth.Error
	switch {
	case errors.As(err, &ae):
		return ae.Code, "", ae.Msg
	case errors.Is(err, privacy.Deny):
		return "FORBIDDEN", "", denyMessage(err)
	case errors.As(err, &ue):
		return ue.Code, ue.Field, ue.Msg
	case errors.Is(err, docparse.ErrEmpty), errors.Is(err, docparse.ErrTooLarge), errors.Is(err, docparse.ErrNotText):
		return "INVALID_INPUT", "", err.Error()
	case isClientSafe(err):
		return "INVALID_INPUT", "", err.Error()
	case errors.As(err, &ie):
		return "INVALID_ID", "", ie.Error()
	case errors.As(err, &nf):
		return "NOT_FOUND", "", notFoundMessage(nf)
	case errors.As(err, &ve):
		return "VALIDATION", ve.Name, validationMessage(ve)
	case errors.As(err, &ce):
		return "CONFLICT", "", constraintMessage(ce)
	case errors.As(err, &ns):
		return "CONFLICT", "", "more than one record matches"
	case errors.Is(err, context.DeadlineExceeded):
		return "TIMEOUT", "", "the query took too long and was stopped; ask for less (smaller pages, fewer nested lists)"
	case errors.Is(err, context.Canceled):
		return "CANCELLED", "", "the request was cancelled"
	case isOrderCursorError(err):
		return "INVALID_CURSOR", "", "invalid cursor: it belongs to another orderBy; use a cursor returned by this connection with the same orderBy"
	case isCursorError(err):
		return "INVALID_CURSOR", "", "invalid cursor: use a cursor returned by this connection"
	}
	return "INTERNAL", "", errInternal.Error()
}

// UserError is an error a client caused and can fix; its message is safe
// to show.
type UserError struct {
	Code, Field, Msg string
}

func (e *UserError) Error() string { return e.Msg }

func notFoundMessage(e *ent.NotFoundError) string {
	// ent says "ent: directive not found".
	return strings.TrimPrefix(e.Error(), "ent: ")
}

var validatorRe = regexp.MustCompile(`^ent: validator failed for field "[^"]+": (.*)$`)

func validationMessage(e *ent.ValidationError) string {
	msg := e.Error()
	if m := validatorRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s: %s", e.Name, m[1])
	}
	return strings.TrimPrefix(msg, "ent: ")
}

// constraintMessage explains a violated constraint without leaking SQL.
func constraintMessage(e *ent.ConstraintError) string {
	s := strings.ToLower(e.Error())
	switch {
	case strings.Contains(s, "unique") || strings.Contains(s, "duplicate"):
		return "a record with the same identifying fields already exists"
	case strings.Contains(s, "foreign key"):
		return "the record is still referred to by others, or refers to a record that does not exist"
	case strings.Contains(s, "not null") || strings.Contains(s, "null value"):
		return "a required field or edge is missing"
	}
	return "the change conflicts with stored data"
}

func isCursorError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "cursor") && (strings.Contains(s, "decode") || strings.Contains(s, "invalid") || strings.Contains(s, "msgpack") || strings.Contains(s, "base64"))
}

// isOrderCursorError finds entgql's refusal of a cursor made under another
// orderBy (entgql.MultiCursorsPredicate).
func isOrderCursorError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "cursor values length ") && strings.Contains(s, "do not match orderBy fields length") ||
		strings.Contains(s, "cursor ") && strings.Contains(s, " is not a slice")
}

// isClientSafe finds errors that declare themselves safe to show: input
// types (scalars such as Figures) mark their parse errors so, without
// depending on this package.
func isClientSafe(err error) bool {
	var cs interface{ ClientSafe() bool }
	return errors.As(err, &cs) && cs.ClientSafe()
}

// denyMessage is the reason an access rule gave, without ent's prefix.
func denyMessage(err error) string {
	msg := err.Error()
	if reason, _, ok := strings.Cut(msg, ": ent/privacy: deny rule"); ok && reason != "" {
		return strings.TrimPrefix(reason, "ent: ")
	}
	return "permission denied"
}
