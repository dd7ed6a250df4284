// Package gid encodes chidao's Relay global ids. Inside the server every
// node has a plain integer id, unique across all types (ent's globalid
// feature gives each table its own 2^32 range). Clients see an opaque
// string, base64url of "Type:number", so they never build ids by hand and
// an id of the wrong type is refused with a clear message.
package gid

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
)

var (
	mu     sync.RWMutex
	types  = map[int]string{} // id >> 32 → GraphQL type name
	byName = map[string]int{}
)

// Register records that ids in the range starting at start belong to the
// GraphQL type typ. The graph package registers every ent type at start-up.
func Register(start int, typ string) {
	mu.Lock()
	defer mu.Unlock()
	types[start>>32] = typ
	byName[typ] = start >> 32
}

// TypeOf returns the GraphQL type name of an integer id, or "" if unknown.
func TypeOf(id int) string {
	mu.RLock()
	defer mu.RUnlock()
	return types[id>>32]
}

// Encode returns the opaque global id of an integer id.
func Encode(id int) string {
	typ := TypeOf(id)
	if typ == "" {
		typ = "Node"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + strconv.Itoa(id)))
}

// Decode parses an opaque global id back to the integer id. It refuses ids
// that are malformed or whose type does not own the number.
func Decode(s string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return 0, &Error{ID: s}
	}
	typ, num, ok := strings.Cut(string(raw), ":")
	if !ok {
		return 0, &Error{ID: s}
	}
	id, err := strconv.Atoi(num)
	if err != nil || id <= 0 {
		return 0, &Error{ID: s}
	}
	if got := TypeOf(id); got != "" && got != typ {
		return 0, &Error{ID: s}
	}
	return id, nil
}

func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

// Error is a malformed or mistyped id sent by a client.
type Error struct{ ID string }

func (e *Error) Error() string {
	return fmt.Sprintf("invalid id %q: not an id chidao issued", clip(e.ID))
}

// MarshalID is the gqlgen marshaller of the ID scalar.
func MarshalID(id int) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(Encode(id)))
	})
}

// UnmarshalID is the gqlgen unmarshaller of the ID scalar.
func UnmarshalID(v any) (int, error) {
	switch x := v.(type) {
	case string:
		return Decode(x)
	default:
		return 0, &Error{ID: fmt.Sprint(v)}
	}
}
