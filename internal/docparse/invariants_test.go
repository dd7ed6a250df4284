package docparse

import (
	"encoding/json"
	"reflect"
	"testing"
)

// checkSpans verifies that every Span in the draft lies within the input
// and has Start <= End.
func checkSpans(t testing.TB, dr *Draft) {
	t.Helper()
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(Span{}) {
				s := v.Interface().(Span)
				if s.Start < 0 || s.End < s.Start || s.End > dr.Size {
					t.Errorf("bad span %s: %+v (size %d)", path, s, dr.Size)
				}
				return
			}
			for k := 0; k < v.NumField(); k++ {
				walk(v.Field(k), path+"."+v.Type().Field(k).Name)
			}
		case reflect.Slice, reflect.Array:
			for k := 0; k < v.Len(); k++ {
				walk(v.Index(k), path)
			}
		}
	}
	walk(reflect.ValueOf(dr), "Draft")
	if _, err := json.Marshal(dr); err != nil {
		t.Errorf("draft does not marshal: %v", err)
	}
	if _, err := json.Marshal(dr.Corpus()); err != nil {
		t.Errorf("corpus form does not marshal: %v", err)
	}
}
