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

// clearanceLevels are the secrecy levels of directives, lowest first; a
// user's clearance is the highest level they may read.
var clearanceLevels = []string{"NONE", "MAT", "TOI_MAT", "TUYET_MAT"}

// User is a local account. Passwords are stored as argon2id hashes.
type User struct {
	ent.Schema
}

// Mixin of the User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").
			NotEmpty().MaxLen(254).Unique().
			Comment("Sign-in name, stored lower-case").
			Annotations(entgql.OrderField("EMAIL")),
		field.String("display_name").Optional().MaxLen(maxShort),
		field.String("password_hash").
			Optional().Sensitive().
			Annotations(entgql.Skip()),
		field.Enum("role").
			Values("ADMIN", "EDITOR", "REPORTER", "VIEWER").
			Default("VIEWER").
			Annotations(entgql.OrderField("ROLE")),
		field.Int("scope_id").Annotations(hideID).
			Optional().Nillable().
			Comment("Limits the account to this organisation's subtree"),
		field.Enum("clearance").
			Values(clearanceLevels...).
			Default("NONE").
			Comment("Highest secrecy level the account may read"),
		field.Bool("disabled").Default(false),
		field.Bool("must_change_password").Default(false),
		field.Int("failed_logins").Default(0).Annotations(entgql.Skip()),
		field.Time("locked_until").Optional().Nillable().Annotations(entgql.Skip()),
		field.Time("last_login_at").Optional().Nillable(),
	}
}

// Edges of the User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("scope", Organization.Type).
			Field("scope_id").Unique().
			Annotations(entsql.OnDelete(entsql.Restrict)),
		edge.To("sessions", Session.Type).
			Annotations(entgql.Skip(), entsql.OnDelete(entsql.Cascade)),
		edge.To("tokens", APIToken.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)),
		edge.To("saved_queries", SavedQuery.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes of the User.
func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("scope_id"), index.Fields("role")}
}

// Annotations of the User: listed for administrators; accounts are created
// through dedicated mutations and the CLI, never with a raw hash.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Session is a signed-in browser. Only the hash of its cookie is stored.
type Session struct {
	ent.Schema
}

// Fields of the Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").NotEmpty().Unique().Sensitive().Immutable(),
		field.String("csrf_token").NotEmpty().Sensitive().Immutable(),
		field.Int("user_id"),
		field.Time("created_at").Immutable(),
		field.Time("expires_at"),
		field.Time("last_seen_at"),
		field.String("ip").Optional().MaxLen(64),
		field.String("user_agent").Optional().MaxLen(400),
	}
}

// Edges of the Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("sessions").Field("user_id").Unique().Required(),
	}
}

// Indexes of the Session.
func (Session) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id"), index.Fields("expires_at")}
}

// Annotations of the Session: not part of the API.
func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// APIToken is a bearer credential: an analyst's API token, or an embed token
// bound to one saved query. Only its hash is stored; the token is shown once.
type APIToken struct {
	ent.Schema
}

// Mixin of the APIToken.
func (APIToken) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(maxShort).Annotations(entgql.OrderField("NAME")),
		field.Enum("kind").Values("API", "EMBED").Default("API"),
		field.String("prefix").
			NotEmpty().MaxLen(32).Immutable().
			Comment("The start of the token, to recognise it in lists"),
		field.String("token_hash").NotEmpty().Unique().Sensitive().Immutable().Annotations(entgql.Skip()),
		field.Int("user_id").Annotations(hideID).Immutable(),
		field.Time("expires_at").Optional().Nillable().Annotations(entgql.OrderField("EXPIRES_AT")),
		field.Time("revoked_at").Optional().Nillable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Int("complexity_limit").
			Optional().Nillable().Positive().
			Comment("Lowers the owner's role budget for requests with this token"),
		field.Int("saved_query_id").Annotations(hideID).Optional().Nillable().Immutable(),
		field.JSON("variables", map[string]any{}).
			Optional().
			Comment("Fixed variables of an embed token's query").
			Annotations(entgql.Type("Map")),
		field.Strings("allowed_origins").
			Optional().
			Comment("Origins (scheme://host[:port]) that may use an embed token; empty: any"),
	}
}

// Edges of the APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("tokens").Field("user_id").Unique().Required().Immutable(),
		edge.From("saved_query", SavedQuery.Type).Ref("embed_tokens").Field("saved_query_id").Unique().Immutable(),
	}
}

// Indexes of the APIToken.
func (APIToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id"), index.Fields("saved_query_id")}
}

// Annotations of the APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// SavedQuery is a named GraphQL document with variables, owned by a user and
// optionally shared; dashboards and embeds run them.
type SavedQuery struct {
	ent.Schema
}

// Mixin of the SavedQuery.
func (SavedQuery) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the SavedQuery.
func (SavedQuery) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(maxShort).Annotations(entgql.OrderField("NAME")),
		field.String("description").Optional().MaxLen(maxMedium),
		field.Text("document").NotEmpty().MaxLen(100_000),
		field.String("operation_name").Optional().MaxLen(maxShort),
		field.JSON("variables", map[string]any{}).Optional().Annotations(entgql.Type("Map")),
		field.String("document_hash").
			Optional().MaxLen(64).
			Comment("SHA-256 of the document, the persisted-query hash embeds send").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Enum("sharing").Values("PRIVATE", "SHARED").Default("PRIVATE").
			Comment("SHARED: every signed-in user may read and run it"),
		field.Int("owner_id").Annotations(hideID).Immutable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of the SavedQuery.
func (SavedQuery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("saved_queries").Field("owner_id").Unique().Required().Immutable().
			Comment("Not in the API: accounts see only their own user").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("embed_tokens", APIToken.Type).
			Annotations(skipInputs, entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput), entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes of the SavedQuery.
func (SavedQuery) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_id"), index.Fields("sharing")}
}

// Annotations of the SavedQuery.
func (SavedQuery) Annotations() []schema.Annotation { return gqlEntity() }

// AuditRecord is one append-only entry of the audit log: who changed which
// entity when, with its state before and after. It is written in the same
// transaction as the change.
type AuditRecord struct {
	ent.Schema
}

// Fields of the AuditRecord.
func (AuditRecord) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").Immutable().Annotations(entgql.OrderField("AT")),
		field.Int("actor_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("actor").Immutable().MaxLen(300).Comment("Who: the account's email, or system"),
		field.Int("token_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Enum("action").Values("CREATE", "UPDATE", "DELETE").Immutable(),
		field.String("entity_type").Immutable().MaxLen(100).Annotations(entgql.OrderField("ENTITY_TYPE")),
		field.Int("entity_id").Immutable().Annotations(entgql.Type("ID")),
		field.JSON("before", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("Map")),
		field.JSON("after", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("Map")),
	}
}

// Indexes of the AuditRecord.
func (AuditRecord) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("at"),
		index.Fields("entity_type", "entity_id"),
		index.Fields("actor_id"),
	}
}

// Annotations of the AuditRecord: readable by administrators, never written
// through the API.
func (AuditRecord) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField(),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Policy of the User: see internal/access.
func (User) Policy() ent.Policy { return access.UserPolicy() }

// Policy of the Session: see internal/access.
func (Session) Policy() ent.Policy { return access.SystemOnlyPolicy() }

// Policy of the APIToken: see internal/access.
func (APIToken) Policy() ent.Policy { return access.TokenPolicy() }

// Policy of the SavedQuery: see internal/access.
func (SavedQuery) Policy() ent.Policy { return access.SavedQueryPolicy() }

// Policy of the AuditRecord: see internal/access.
func (AuditRecord) Policy() ent.Policy { return access.AuditPolicy() }
