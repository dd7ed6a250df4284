package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/internal/access"
	"github.com/chidao/chidao/internal/viewer"
)

// visible implements @visible: it adds the caller's visibility rules to the
// rows an edge filter (hasXWith) may match, so a filter cannot reveal that a
// hidden row exists. Anonymous callers are refused later by the access
// rules of the queried type itself.
func visible(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil {
		return res, err
	}
	v := viewer.FromContext(ctx)
	if v == nil {
		v = &viewer.Viewer{ScopePath: "/-/", Clearance: "NONE"} // matches nothing in scope
	}
	switch in := res.(type) {
	case []*ent.OrganizationWhereInput:
		addAll(in, access.OrgVisible(v))
	case []*ent.DirectiveWhereInput:
		addAll(in, access.DirectiveVisible(v))
	case []*ent.TaskWhereInput:
		addAll(in, access.TaskVisible(v))
	case []*ent.TaskAssignmentWhereInput:
		addAll(in, access.AssignmentVisible(v))
	case []*ent.DeadlineExtensionWhereInput:
		addAll(in, access.ExtensionVisible(v))
	case []*ent.RecipientWhereInput:
		addAll(in, access.RecipientVisible(v))
	case []*ent.DirectiveReferenceWhereInput:
		addAll(in, access.ReferenceVisible(v))
	case []*ent.ReportWhereInput:
		addAll(in, access.ReportVisible(v))
	case []*ent.MembershipWhereInput:
		addAll(in, access.MembershipVisible(v))
	case []*ent.PersonWhereInput:
		addAll(in, access.PersonVisible(v))
	case []*ent.UserWhereInput:
		addAll(in, access.UserVisible(v))
	case []*ent.APITokenWhereInput:
		addAll(in, access.TokenVisible(v))
	case []*ent.SavedQueryWhereInput:
		addAll(in, access.SavedQueryVisible(v))
	}
	return res, nil
}

// addAll adds the predicate p to every filter. When the caller sees
// everything (p is nil) it adds a predicate that holds for every row, so an
// empty filter ("hasXWith: [{}]", any related row) stays valid.
func addAll[W interface{ AddPredicates(...P) }, P ~func(*S), S any](ws []W, p P) {
	if p == nil {
		p = func(*S) {}
	}
	for _, w := range ws {
		w.AddPredicates(p)
	}
}
