// Package schematype holds Go types stored in ent fields that GraphQL
// exposes as custom scalars.
package schematype

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
)

// MaxFigures bounds the number of entries in one report's figures.
const MaxFigures = 500

// Figures are a report's key figures: indicator → number (e.g.
// "hoi_vien_moi": 120, "so_tien_trieu_dong": 35.5). Keys are non-empty strings
// of at most 100 bytes; values are finite numbers.
type Figures map[string]float64

// MarshalGQL writes the figures as a JSON object with keys in sorted order,
// so responses are stable.
func (f Figures) MarshalGQL(w io.Writer) {
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	_, _ = io.WriteString(w, "{")
	for i, k := range keys {
		if i > 0 {
			_, _ = io.WriteString(w, ",")
		}
		kb, _ := json.Marshal(k)
		_, _ = w.Write(kb)
		_, _ = io.WriteString(w, ":")
		_, _ = io.WriteString(w, strconv.FormatFloat(f[k], 'g', -1, 64))
	}
	_, _ = io.WriteString(w, "}")
}

// InputError is a malformed figures value sent by a client; its message is
// safe to show.
type InputError struct{ msg string }

func (e *InputError) Error() string { return e.msg }

// ClientSafe marks the error as one the client caused and can read.
func (e *InputError) ClientSafe() bool { return true }

func inputErrorf(format string, args ...any) error {
	return &InputError{msg: fmt.Sprintf(format, args...)}
}

// UnmarshalGQL reads a JSON object of numbers.
func (f *Figures) UnmarshalGQL(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return inputErrorf("figures must be an object of numbers, got %T", v)
	}
	out := make(Figures, len(m))
	for k, raw := range m {
		n, err := toFloat(raw)
		if err != nil {
			return inputErrorf("figure %q: %v", k, err)
		}
		out[k] = n
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*f = out
	return nil
}

// Validate checks the limits documented on Figures.
func (f Figures) Validate() error {
	if len(f) > MaxFigures {
		return inputErrorf("at most %d figures per report, got %d", MaxFigures, len(f))
	}
	for k, v := range f {
		if k == "" || len(k) > 100 {
			return inputErrorf("figure key %q must be 1 to 100 bytes", k)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return inputErrorf("figure %q must be a finite number", k)
		}
	}
	return nil
}

func toFloat(v any) (float64, error) {
	switch n := v.(type) {
	case float64:
		return n, nil
	case int:
		return float64(n), nil
	case int64:
		return float64(n), nil
	case json.Number:
		return n.Float64()
	default:
		return 0, fmt.Errorf("must be a number, got %T", v)
	}
}
