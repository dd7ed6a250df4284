// Package chidao is the root of the chidao module. Its only job is to run
// every code generator in order: `go generate ./...` (or `make generate`)
// rebuilds the ent client, the GraphQL schema and resolvers' plumbing, and
// the public schema.graphql.
package chidao

//go:generate go run -mod=mod ./ent/entc.go
//go:generate go run -mod=mod github.com/99designs/gqlgen generate
//go:generate go run ./internal/tools/schemadump -o schema.graphql graph
