package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/graph"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/viewer"
)

// GraphQLConfig are the limits of the GraphQL endpoint.
type GraphQLConfig struct {
	Introspection   bool // serve __schema/__type (explorers need it)
	ComplexityLimit int  // most complexity one operation may have
	DefaultPageSize int  // page size of a connection given neither first nor last
	MaxPageSize     int  // most rows one page may ask for
	QueryCacheSize  int  // parsed documents kept
	APQCacheSize    int  // automatic persisted queries kept
	// RoleBudgets lower the complexity limit for some roles; a token's own
	// limit can lower it further, never raise it.
	RoleBudgets map[viewer.Role]int
	// RolePageCaps lower the page-size cap for some roles.
	RolePageCaps map[viewer.Role]int
}

// budget is the complexity an operation of this viewer may have.
func (c GraphQLConfig) budget(v *viewer.Viewer) int {
	limit := c.ComplexityLimit
	if v == nil {
		return limit
	}
	if b, ok := c.RoleBudgets[v.Role]; ok && b < limit {
		limit = b
	}
	if v.ComplexityLimit > 0 && v.ComplexityLimit < limit {
		limit = v.ComplexityLimit
	}
	return limit
}

// newGraphQL builds the gqlgen handler explicitly: the transports chidao
// serves, caches, limits, one transaction per mutation, one error presenter.
func newGraphQL(client *ent.Client, svc *auth.Service, cfg GraphQLConfig, log *slog.Logger) *handler.Server {
	es := pagedSchema{ExecutableSchema: graph.NewSchema(client, svc), cfg: cfg}
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	srv.SetQueryCache(&pageDefaults{
		LRU:  lru.New[*ast.QueryDocument](cfg.QueryCacheSize),
		size: cfg.DefaultPageSize,
		int:  es.Schema().Types["Int"],
	})
	srv.SetParserTokenLimit(20_000)
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](cfg.APQCacheSize)})
	srv.Use(listVars{})
	srv.Use(pageLimit{max: cfg.MaxPageSize, roles: cfg.RolePageCaps})
	limit := extension.FixedComplexityLimit(cfg.ComplexityLimit, complexity.WithFixedScalarValue(0))
	limit.Func = func(ctx context.Context, _ *graphql.OperationContext) int {
		return cfg.budget(viewer.FromContext(ctx))
	}
	srv.Use(limit)
	srv.Use(transactioner{entgql.Transactioner{TxOpener: client}})

	srv.SetErrorPresenter(presentError(log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errInternal
	})
	return srv
}

// isConnection tells whether a field returns a Relay connection that pages
// with first/last.
func isConnection(def *ast.FieldDefinition) bool {
	if def == nil || def.Type == nil || !strings.HasSuffix(def.Type.Name(), "Connection") {
		return false
	}
	return def.Arguments.ForName("first") != nil && def.Arguments.ForName("last") != nil
}

// pageDefaults is the parsed-query cache. Before a validated document is
// cached (and before its first use) it gives every connection field that
// has neither first nor last a `first` of the default page size, so no
// list, at the root or nested, is ever unbounded. Doing it once per
// document keeps cached documents read-only afterwards.
type pageDefaults struct {
	*lru.LRU[*ast.QueryDocument]
	size int
	int  *ast.Definition
}

// Add rewrites then caches the document.
func (c *pageDefaults) Add(ctx context.Context, key string, doc *ast.QueryDocument) {
	for _, op := range doc.Operations {
		c.walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		c.walk(f.SelectionSet)
	}
	c.LRU.Add(ctx, key, doc)
}

func (c *pageDefaults) walk(set ast.SelectionSet) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			// A single orderBy object is a one-item list (GraphQL input
			// coercion), but entgql's nested loader reads only lists and
			// would drop the order silently: make it a list.
			if a := s.Arguments.ForName("orderBy"); a != nil && a.Value != nil && a.Value.Kind == ast.ObjectValue && isConnection(s.Definition) {
				if def := s.Definition.Arguments.ForName("orderBy"); def != nil && def.Type.Elem != nil {
					a.Value = &ast.Value{Kind: ast.ListValue, Children: ast.ChildValueList{{Value: a.Value, Position: a.Value.Position}},
						ExpectedType: def.Type, Definition: a.Value.Definition, Position: a.Value.Position}
				}
			}
			if isConnection(s.Definition) && s.Arguments.ForName("first") == nil && s.Arguments.ForName("last") == nil {
				s.Arguments = append(s.Arguments, &ast.Argument{
					Name: "first",
					Value: &ast.Value{
						Kind:         ast.IntValue,
						Raw:          strconv.Itoa(c.size),
						ExpectedType: s.Definition.Arguments.ForName("first").Type,
						Definition:   c.int,
					},
				})
			}
			c.walk(s.SelectionSet)
		case *ast.InlineFragment:
			c.walk(s.SelectionSet)
		}
	}
}

// listVars gives a list variable the plain []any entgql's eager loading
// of nested connections knows. gqlparser coerces a single value sent for
// a list variable to a typed slice (a single orderBy object becomes a
// []map[string]any), which entgql drops as it drops a single orderBy
// literal (see pageDefaults.walk); it then refuses the page's own cursors.
type listVars struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = listVars{}

func (listVars) ExtensionName() string                   { return "ListVariables" }
func (listVars) Validate(graphql.ExecutableSchema) error { return nil }

func (listVars) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	for _, d := range op.VariableDefinitions {
		if d.Type == nil || d.Type.Elem == nil {
			continue
		}
		v := reflect.ValueOf(oc.Variables[d.Variable])
		if v.Kind() != reflect.Slice || v.Type() == reflect.TypeOf([]any(nil)) {
			continue
		}
		list := make([]any, v.Len())
		for i := range list {
			list[i] = v.Index(i).Interface()
		}
		oc.Variables[d.Variable] = list
	}
	return nil
}

// pageLimit refuses pages larger than the cap and connections whose page
// size resolved to nothing (an explicit null variable).
type pageLimit struct {
	max   int
	roles map[viewer.Role]int // lower caps for some roles
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = pageLimit{}

func (pageLimit) ExtensionName() string                   { return "PageLimit" }
func (pageLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (p pageLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	if v := viewer.FromContext(ctx); v != nil {
		if c, ok := p.roles[v.Role]; ok && c > 0 && c < p.max {
			p.max = c
		}
	}
	seen := map[string]bool{}
	return p.check(ctx, oc, op.SelectionSet, seen)
}

func (p pageLimit) check(ctx context.Context, oc *graphql.OperationContext, set ast.SelectionSet, seen map[string]bool) *gqlerror.Error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if isConnection(s.Definition) {
				args := s.ArgumentMap(oc.Variables)
				if v := viewer.FromContext(ctx); v != nil && !v.Unrestricted() {
					if f := edgeOrder(args["orderBy"]); f != "" {
						err := gqlerror.ErrorPosf(s.Position, "ordering by %s is not available to accounts limited by scope or clearance: it reads rows they may not see", f)
						err.Extensions = map[string]any{"code": "FORBIDDEN"}
						return err
					}
				}
				if f := edgeOrder(args["orderBy"]); f != "" && (args["after"] != nil || args["before"] != nil) {
					// entgql's cursor condition names the order column on
					// the connection's own table, where a related row's
					// column or count does not exist.
					err := gqlerror.ErrorPosf(s.Position, "`after` and `before` cannot page `%s` ordered by %s: cursors cannot follow an order on related rows; ask for a larger page (`first`/`last`) or order by a field of the row itself", s.Name, f)
					err.Extensions = map[string]any{"code": "INVALID_CURSOR"}
					return err
				}
				first, hasFirst := intArg(args["first"])
				last, hasLast := intArg(args["last"])
				switch {
				case !hasFirst && !hasLast:
					return pageError(s, "`%s` needs `first` or `last` (at most %d)", s.Name, p.max)
				case hasFirst && (first < 0 || first > p.max):
					return pageError(s, "`first` on `%s` is %d; a page holds 0 to %d rows", s.Name, first, p.max)
				case hasLast && (last < 0 || last > p.max):
					return pageError(s, "`last` on `%s` is %d; a page holds 0 to %d rows", s.Name, last, p.max)
				}
			}
			if err := p.check(ctx, oc, s.SelectionSet, seen); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := p.check(ctx, oc, s.SelectionSet, seen); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue
			}
			seen[s.Name] = true
			if err := p.check(ctx, oc, s.Definition.SelectionSet, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

func pageError(f *ast.Field, format string, args ...any) *gqlerror.Error {
	err := gqlerror.ErrorPosf(f.Position, format, args...)
	err.Extensions = map[string]any{"code": "PAGE_SIZE"}
	return err
}

func intArg(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case *int:
		if n == nil {
			return 0, false
		}
		return *n, true
	default:
		return 0, false
	}
}

// pagedSchema makes complexity an upper bound on the objects a response
// can hold: an object field costs one plus its selection, a connection its
// selection times its page size (so nested pages multiply), and scalars,
// enums and the edges/node wrappers cost nothing of their own.
type pagedSchema struct {
	graphql.ExecutableSchema
	cfg GraphQLConfig
}

// Complexity of a field.
func (s pagedSchema) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	first, hasFirst := intArg(args["first"])
	last, hasLast := intArg(args["last"])
	if hasFirst || hasLast {
		return 1 + child*max(first, last, 1), true
	}
	def := s.Schema().Types[typeName]
	if def == nil {
		return child + 1, true
	}
	f := def.Fields.ForName(field)
	if f == nil {
		return child + 1, true
	}
	if field == "edges" || field == "node" && def.Kind == ast.Object && strings.HasSuffix(typeName, "Edge") {
		return child, true
	}
	if t := s.Schema().Types[f.Type.Name()]; t != nil && (t.Kind == ast.Scalar || t.Kind == ast.Enum) {
		return 0, true
	}
	return child + 1, true
}

// edgeOrders are the order fields that read across an edge: counts of
// related rows and fields of a related row.
var edgePrefixes = []string{"PARENT_", "ISSUER_", "PERSON_", "ORGANIZATION_", "TASK_", "DIRECTIVE_", "SOURCE_", "TARGET_"}

// edgeOrder returns the first order field in an orderBy argument that
// reads across an edge, or "".
func edgeOrder(v any) string {
	// Variables arrive as typed slices and maps; normalise them.
	if _, plain := v.([]any); !plain {
		if _, obj := v.(map[string]any); !obj && v != nil {
			b, err := json.Marshal(v)
			if err != nil {
				return "?"
			}
			v = nil
			if err := json.Unmarshal(b, &v); err != nil {
				return "?"
			}
		}
	}
	var list []any
	switch x := v.(type) {
	case []any:
		list = x
	case map[string]any:
		list = []any{x}
	}
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		f, _ := m["field"].(string)
		if strings.HasSuffix(f, "_COUNT") {
			return f
		}
		for _, p := range edgePrefixes {
			if strings.HasPrefix(f, p) {
				return f
			}
		}
	}
	return ""
}

// transactioner is entgql's one-transaction-per-mutation, skipping
// requests that never became an operation (a body that is not GraphQL),
// which entgql's would panic on.
type transactioner struct{ entgql.Transactioner }

func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	return t.Transactioner.InterceptResponse(ctx, next)
}
