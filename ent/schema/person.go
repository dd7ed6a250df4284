package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/chidao/chidao/internal/access"
)

// Person is someone who holds posts and signs documents. Vietnamese names are
// stored whole, as written: family and given names are never split.
type Person struct {
	ent.Schema
}

// Mixin of the Person.
func (Person) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Person.
func (Person) Fields() []ent.Field {
	return []ent.Field{
		field.String("full_name").
			NotEmpty().MaxLen(maxShort).
			Annotations(entgql.OrderField("FULL_NAME")),
		field.Strings("other_names").Optional(),
	}
}

// Edges of the Person.
func (Person) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("memberships", Membership.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("MEMBERSHIPS_COUNT"), entsql.OnDelete(entsql.Cascade)),
		edge.To("signed_directives", Directive.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("SIGNED_DIRECTIVES_COUNT"), entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the Person.
func (Person) Indexes() []ent.Index {
	return []ent.Index{index.Fields("full_name")}
}

// Annotations of the Person.
func (Person) Annotations() []schema.Annotation { return gqlEntity() }

// Membership is a person holding a post in an organisation for a period, so
// that a signature resolves to whoever held the post on the issue date.
type Membership struct {
	ent.Schema
}

// Mixin of the Membership.
func (Membership) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Membership.
func (Membership) Fields() []ent.Field {
	return []ent.Field{
		field.Int("person_id").Annotations(hideID),
		field.Int("organization_id").Annotations(hideID),
		field.String("post_title").
			NotEmpty().MaxLen(maxShort).
			Comment("The post as printed, e.g. Phó Bí thư Quận ủy").
			Annotations(entgql.OrderField("POST_TITLE")),
		field.Enum("role").
			Values("HEAD", "DEPUTY_HEAD", "STANDING_MEMBER", "MEMBER", "STAFF", "OTHER").
			Default("OTHER").
			Annotations(entgql.OrderField("ROLE")),
		field.Time("start_date").
			Optional().Nillable().
			Annotations(entgql.OrderField("START_DATE")),
		field.Time("end_date").
			Optional().Nillable().
			Annotations(entgql.OrderField("END_DATE")),
	}
}

// Edges of the Membership.
func (Membership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("person", Person.Type).Ref("memberships").
			Field("person_id").Unique().Required().
			Annotations(entgql.OrderField("PERSON_FULL_NAME")),
		edge.From("organization", Organization.Type).Ref("memberships").
			Field("organization_id").Unique().Required().
			Annotations(entgql.OrderField("ORGANIZATION_NAME")),
	}
}

// Indexes of the Membership.
func (Membership) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("person_id"),
		index.Fields("organization_id", "post_title", "start_date"),
	}
}

// Annotations of the Membership.
func (Membership) Annotations() []schema.Annotation { return gqlEntity() }

// Policy of the Person: see internal/access.
func (Person) Policy() ent.Policy { return access.PersonPolicy() }

// Policy of the Membership: see internal/access.
func (Membership) Policy() ent.Policy { return access.MembershipPolicy() }
