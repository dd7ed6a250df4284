// Package viewer says who is asking. Every entry point — HTTP (session
// cookie, API token, embed token), the CLI and tests — puts a Viewer in the
// request context; the access rules (internal/access, applied by ent's
// privacy layer) read it on every query and mutation, so no path into the
// data skips them.
package viewer

import (
	"context"
	"strings"
)

// Role is what an account may do.
type Role string

// Roles, from most to least powerful. System is the CLI and internal jobs.
const (
	RoleSystem   Role = "SYSTEM"
	RoleAdmin    Role = "ADMIN"    // everything, including accounts and the audit log
	RoleEditor   Role = "EDITOR"   // directives, tasks, organisations, people
	RoleReporter Role = "REPORTER" // progress of its subtree's assignments and its reports
	RoleViewer   Role = "VIEWER"   // read only (analysts)
	RoleEmbed    Role = "EMBED"    // one saved query, read only
)

// Roles lists the account roles (all but System).
var Roles = []Role{RoleAdmin, RoleEditor, RoleReporter, RoleViewer, RoleEmbed}

// Clearance levels, in the order of directive secrecy levels.
var secrecyRank = map[string]int{"NONE": 0, "MAT": 1, "TOI_MAT": 2, "TUYET_MAT": 3}

// SecrecyRank orders secrecy levels: NONE 0, MAT 1, TOI_MAT 2, TUYET_MAT 3.
// Unknown levels rank highest, so they are never shown by mistake.
func SecrecyRank(level string) int {
	if r, ok := secrecyRank[level]; ok {
		return r
	}
	return 99
}

// SecrecyLevels returns the levels a clearance may see, lowest first.
func SecrecyLevels(clearance string) []string {
	max := SecrecyRank(clearance)
	var out []string
	for _, l := range []string{"NONE", "MAT", "TOI_MAT", "TUYET_MAT"} {
		if secrecyRank[l] <= max {
			out = append(out, l)
		}
	}
	return out
}

// Viewer is the caller of one request.
type Viewer struct {
	UserID int    // 0 for the system viewer
	Email  string // for logs and the audit trail
	Role   Role
	// ScopeOrgID and ScopePath limit the viewer to one organisation subtree;
	// ScopePath is the materialised path of that organisation ("/1/5/"), so
	// "in scope" is a prefix test on the organisations' path column.
	ScopeOrgID int
	ScopePath  string
	Clearance  string // highest secrecy level the viewer may read
	TokenID    int    // the API or embed token used, if any
	// SavedQueryID is the one query an embed viewer may run.
	SavedQueryID int
	// ComplexityLimit, if set, overrides the role's budget (per token).
	ComplexityLimit int
}

// System is the viewer of the CLI and of internal jobs: it may do
// everything, explicitly.
func System() *Viewer {
	return &Viewer{Role: RoleSystem, Email: "system", Clearance: "TUYET_MAT"}
}

// Scoped tells whether the viewer is limited to an organisation subtree.
func (v *Viewer) Scoped() bool { return v != nil && v.ScopePath != "" }

// InScope tells whether an organisation with materialised path p is in the
// viewer's subtree.
func (v *Viewer) InScope(p string) bool {
	return !v.Scoped() || strings.HasPrefix(p, v.ScopePath)
}

// Unrestricted tells whether the viewer reads everything (no scope, full
// clearance): the access layer then adds no filter at all.
func (v *Viewer) Unrestricted() bool {
	return v != nil && !v.Scoped() && SecrecyRank(v.Clearance) >= 3 &&
		(v.Role == RoleSystem || v.Role == RoleAdmin || v.Role == RoleEditor || v.Role == RoleViewer || v.Role == RoleReporter)
}

// Label names the viewer in logs and the audit log.
func (v *Viewer) Label() string {
	if v == nil {
		return "anonymous"
	}
	if v.Email != "" {
		return v.Email
	}
	return strings.ToLower(string(v.Role))
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, or nil for an anonymous caller.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}
