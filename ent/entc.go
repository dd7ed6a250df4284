//go:build ignore

// entc generates the ent client and the GraphQL schema of the ent types
// (graph/ent.graphqls). Run through `go generate ./...` at the root.
package main

import (
	"log"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("./gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("./graph/ent.graphqls"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(false),
		entgql.WithRelaySpec(true),
		entgql.WithSchemaHook(visibleEdgeFilters),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Target:  "./ent",
		Package: "github.com/chidao/chidao/ent",
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureGlobalID,
			gen.FeatureUpsert,
			gen.FeatureModifier,
			gen.FeatureExecQuery,
			gen.FeatureNamedEdges,
			gen.FeatureVersionedMigration,
		},
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}

// visibleEdgeFilters marks every hasXWith field of every WhereInput with
// @visible, so the server adds the caller's visibility rules inside edge
// filters, and drops the boolean hasX filters: a filter can then never test
// for rows its caller may not see.
func visibleEdgeFilters(_ *gen.Graph, s *ast.Schema) error {
	for name, def := range s.Types {
		if def.Kind != ast.InputObject || !strings.HasSuffix(name, "WhereInput") {
			continue
		}
		var kept ast.FieldList
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "has") && strings.HasSuffix(f.Name, "With") {
				f.Directives = append(f.Directives, &ast.Directive{Name: "visible"})
			}
			// "hasX: true" would count related rows the caller may not see;
			// "hasXWith: [{}]" says the same and is filtered.
			if strings.HasPrefix(f.Name, "has") && !strings.HasSuffix(f.Name, "With") && f.Type.Name() == "Boolean" {
				continue
			}
			kept = append(kept, f)
		}
		def.Fields = kept
	}
	return nil
}
