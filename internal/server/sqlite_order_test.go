package server

import (
	"testing"
)

func TestScratchOrder(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		q := func(ob, after string) {
			a := ""
			if after != "" {
				a = `, after: "` + after + `"`
			}
			r := e.post(`{ organizations(first: 2, orderBy: {field: NAME}) { edges { node { name children(first: 100`+a+`, orderBy: `+ob+`) { edges { cursor node { id name } } } } } } }`, nil)
			t.Logf("%s after=%s: %s %+v", ob, after, string(r.Data), r.Errors)
		}
		q(`{field: NAME}`, "")
		q(`[{field: NAME}]`, "")
		q(`{field: NAME, direction: DESC}`, "")
		q(`[{field: NAME, direction: DESC}]`, "")
		q(`{field: NAME}`, "gqFpzwAAAAQAAAACoXaR2SFCYW4gQsOtIHRoxrAgVHJ1bmcgxrDGoW5nIMSQ4bqjbmc")
		q(`[{field: NAME}]`, "gqFpzwAAAAQAAAACoXaR2SFCYW4gQsOtIHRoxrAgVHJ1bmcgxrDGoW5nIMSQ4bqjbmc")
		r := e.post(`query($o: [OrganizationOrder!]) { organizations(first: 2, orderBy: {field: NAME}) { edges { node { name children(first: 100, after: "gqFpzwAAAAQAAAACoXaR2SFCYW4gQsOtIHRoxrAgVHJ1bmcgxrDGoW5nIMSQ4bqjbmc", orderBy: $o) { edges { cursor node { id name } } } } } } }`, map[string]any{"o": map[string]any{"field": "NAME"}})
		t.Logf("var single: %s %+v", string(r.Data), r.Errors)
	})
}
