// Package pageorder restores the order of nested pages. entgql loads a
// nested connection for many parents at once with ROW_NUMBER() OVER
// (PARTITION BY parent ORDER BY …) in a CTE named limited_query, then
// selects from it without an ORDER BY, so a directive's tasks ordered by
// ORDINAL could come back in any order. Ordering the outer query by that row
// number restores each parent's order (children are assigned to parents in
// scan order). The schemas install it on every entity (ent/schema mixin).
package pageorder

import (
	"context"
	"reflect"
	"strings"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
)

// modifier adds the missing ORDER BY to a per-parent page query.
func modifier(s *sql.Selector) {
	q, _ := s.Clone().Query()

	if strings.Contains(q, "limited_query") && strings.Contains(q, "row_number") {
		s.OrderBy(sql.Asc("row_number"))
	}
}

var arg = reflect.ValueOf([]func(*sql.Selector){modifier})

// Interceptor appends the modifier to every query; ent applies modifiers in
// order, so it runs after entgql's.
func Interceptor() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			// Every entity query has Modify (ent's sql/modifier feature).
			if m := reflect.ValueOf(q).MethodByName("Modify"); m.IsValid() {
				m.CallSlice([]reflect.Value{arg})
			}
			return next.Query(ctx, q)
		})
	})
}
