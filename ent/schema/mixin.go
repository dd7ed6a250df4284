// Package schema holds chidao's data model: the directive graph of DESIGN.md
// and DOMAIN.md §5. Everything else under ent/ is generated from it.
package schema

import (
	"github.com/chidao/chidao/internal/audit"
	"github.com/chidao/chidao/internal/pageorder"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin records when a row was created and last changed. The server sets
// both; clients can order and filter by them but never write them.
type TimeMixin struct {
	mixin.Schema
}

// Fields of the TimeMixin.
func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(
				entgql.OrderField("CREATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			Annotations(
				entgql.OrderField("UPDATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
	}
}

// Interceptors of the TimeMixin (every entity has it): nested pages keep
// the order asked for (internal/pageorder).
func (TimeMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{pageorder.Interceptor()}
}

// Indexes of the TimeMixin: "what changed since" is a common analyst filter.
func (TimeMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("updated_at")}
}

// AuditMixin writes an audit record for every change of the entity, in the
// same transaction (internal/audit).
type AuditMixin struct {
	mixin.Schema
}

// Hooks of the AuditMixin.
func (AuditMixin) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// skipInputs keeps a to-many edge out of the create and update inputs:
// children are attached and detached through their own mutations, where
// the access rules check each of them, never in bulk from the parent.
var skipInputs = entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)

// hideID keeps a foreign-key column out of the GraphQL types: clients
// follow the edge instead, which the access rules filter, so the id of a
// row the caller may not see is never shown.
var hideID = entgql.Skip(entgql.SkipType)

// Length limits shared by the schemas. They are generous for real documents
// and keep a careless or hostile client from storing megabytes in a name.
const (
	maxName   = 500
	maxCode   = 50
	maxShort  = 200
	maxText   = 200_000 // a directive's full text
	maxMedium = 20_000  // a task's wording, a report's text
)
