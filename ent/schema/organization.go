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

// Organization is a body in the national hierarchy: a Party committee or one
// of its boards and departments, a people's council or committee, the
// Fatherland Front, a socio-political or mass organisation, a public unit.
// Organisations form a tree (parent) and are replaced over time (successor).
type Organization struct {
	ent.Schema
}

// Mixin of the Organization.
func (Organization) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Organization.
func (Organization) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").
			NotEmpty().MaxLen(maxName).
			Comment("Full name as in the founding decision, e.g. Quận ủy Kiến An").
			Annotations(entgql.OrderField("NAME")),
		field.String("short_name").
			Optional().MaxLen(maxShort).
			Annotations(entgql.OrderField("SHORT_NAME")),
		field.String("abbreviation").
			Optional().MaxLen(maxCode).
			Comment("Issuer code printed at the end of symbols: QU, TU, TW, UBND, VPCP…").
			Annotations(entgql.OrderField("ABBREVIATION")),
		field.Strings("aliases").
			Optional().
			Comment("Other names the body is written as, used when matching names in texts"),
		field.Enum("system").
			Values("PARTY", "STATE", "FRONT").
			Comment("Party, state, or Fatherland Front and mass organisations").
			Annotations(entgql.OrderField("SYSTEM")),
		field.Enum("classification").
			Values(
				"PARTY_CONGRESS", "PARTY_COMMITTEE", "PARTY_POLITBURO", "PARTY_SECRETARIAT",
				"PARTY_STANDING_COMMITTEE", "PARTY_STANDING_BOARD", "PARTY_DEPARTMENT",
				"PARTY_INSPECTION", "PARTY_DELEGATION", "PARTY_PERSONNEL_COMMITTEE", "PARTY_CELL",
				"PARTY_BASE_COMMITTEE", "POLITICAL_SCHOOL", "STEERING_COMMITTEE",
				"NATIONAL_ASSEMBLY", "GOVERNMENT", "PRIME_MINISTER", "MINISTRY",
				"PEOPLES_COUNCIL", "PEOPLES_COMMITTEE", "STATE_DEPARTMENT", "PUBLIC_SERVICE_UNIT",
				"FATHERLAND_FRONT", "SOCIO_POLITICAL_ORG", "MASS_ASSOCIATION", "OTHER",
			).
			Default("OTHER").
			Annotations(entgql.OrderField("CLASSIFICATION")),
		field.Enum("level").
			Values("CENTRAL", "PROVINCIAL", "DISTRICT", "COMMUNE", "GRASSROOTS").
			Comment("Administrative level of the body").
			Annotations(entgql.OrderField("LEVEL")),
		field.String("locality").
			Optional().MaxLen(maxShort).
			Comment("The area the body serves, e.g. quận Kiến An, TP Hải Phòng").
			Annotations(entgql.OrderField("LOCALITY")),
		field.String("header_parent_name").
			Optional().MaxLen(maxName).
			Comment("The superior line printed above the body's name on its documents"),
		field.Time("valid_from").
			Optional().Nillable().
			Annotations(entgql.OrderField("VALID_FROM")),
		field.Time("valid_to").
			Optional().Nillable().
			Comment("Set when the body was dissolved or merged").
			Annotations(entgql.OrderField("VALID_TO")),
		field.String("path").
			Optional().MaxLen(2000).
			Comment("Materialised path of ids from the root, e.g. /1/5/9/; kept by a hook, used for subtree scope").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("parent_id").Annotations(hideID).Optional().Nillable(),
		field.Int("successor_id").Annotations(hideID).Optional().Nillable(),
	}
}

// Edges of the Organization.
func (Organization) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Organization.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("CHILDREN_COUNT"), entsql.OnDelete(entsql.Restrict)).
			From("parent").Field("parent_id").Unique().
			Annotations(entgql.OrderField("PARENT_NAME")),
		edge.To("predecessors", Organization.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.SetNull)).
			From("successor").Field("successor_id").Unique().
			Comment("The body that took over this one's duties after a merger or dissolution"),
		edge.To("memberships", Membership.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)),
		edge.To("issued_directives", Directive.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("ISSUED_DIRECTIVES_COUNT"), entsql.OnDelete(entsql.Restrict)),
		edge.To("acted_directives", Directive.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.SetNull)),
		edge.To("received", Recipient.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.SetNull)),
		edge.To("assignments", TaskAssignment.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("ASSIGNMENTS_COUNT"), entsql.OnDelete(entsql.Restrict)),
		edge.To("reports", Report.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("REPORTS_COUNT"), entsql.OnDelete(entsql.Restrict)),
	}
}

// Indexes of the Organization.
func (Organization) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("parent_id"),
		index.Fields("path"),
		index.Fields("successor_id"),
		index.Fields("name"),
		index.Fields("abbreviation"),
		index.Fields("system", "level"),
		index.Fields("classification"),
	}
}

// Annotations of the Organization.
func (Organization) Annotations() []schema.Annotation {
	return gqlEntity()
}

// gqlEntity is the GraphQL surface every entity gets: a root connection with
// filters and multi-field ordering, and create/update mutation inputs.
func gqlEntity() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Policy of the Organization: see internal/access.
func (Organization) Policy() ent.Policy { return access.OrganizationPolicy() }
