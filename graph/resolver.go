// Package graph is chidao's GraphQL layer: the hand-written schema pieces
// (*.graphqls), thin resolvers over the ent client, and gqlgen's generated
// executor. Logic that a resolver needs lives in internal/… packages.
package graph

import (
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/chidao/chidao/internal/status"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/internal/auth"
)

// Resolver is the root resolver. It holds only the ent client: every
// request-scoped value (viewer, transaction) travels in the context.
type Resolver struct {
	client *ent.Client
	auth   *auth.Service
}

// NewSchema returns the executable schema over the given client.
func NewSchema(client *ent.Client, svc *auth.Service) graphql.ExecutableSchema {
	return NewExecutableSchema(Config{
		Resolvers:  &Resolver{client: client, auth: svc},
		Directives: DirectiveRoot{Visible: visible},
	})
}

// asOfOrToday is the day a status is computed for.
func asOfOrToday(asOf *time.Time) time.Time {
	if asOf != nil {
		return *asOf
	}
	return status.Today()
}
