// Package audit writes the append-only audit log: every mutation of an
// audited entity records who, when, which entity, and its state before and
// after, in the same transaction as the change (an ent hook, so no path
// that writes can skip it).
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"entgo.io/ent"

	gen "github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/auditrecord"
	"github.com/chidao/chidao/ent/privacy"
	"github.com/chidao/chidao/internal/viewer"
)

// Hook is the audit hook, installed on every audited entity through the
// schema's AuditMixin.
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			cm, ok := m.(interface{ Client() *gen.Client })
			if !ok || bookkeeping(m) {
				return next.Mutate(ctx, m)
			}
			client := cm.Client()
			// Snapshots read whole rows: a fresh context, so the GraphQL
			// selection of the mutation's result does not narrow them, with
			// an explicit allow (the client is the mutation's transaction).
			sys := privacy.DecisionContext(context.Background(), privacy.Allow)
			var (
				ids    []int
				before = map[int]map[string]any{}
				err    error
			)
			if !m.Op().Is(ent.OpCreate) {
				idm, ok := m.(interface {
					IDs(context.Context) ([]int, error)
				})
				if ok {
					ids, err = idm.IDs(ctx)
					if err != nil {
						return nil, fmt.Errorf("audit: ids: %w", err)
					}
				}
				for _, id := range ids {
					snap, err := snapshot(sys, client, id)
					if err != nil {
						// A missing row: let the change itself fail, with the
						// same answer as for a row the caller may not see.
						return next.Mutate(ctx, m)
					}
					before[id] = snap
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			action := auditrecord.ActionUPDATE
			switch {
			case m.Op().Is(ent.OpCreate):
				action = auditrecord.ActionCREATE
				id, err := idOf(v)
				if err != nil {
					return nil, err
				}
				ids = []int{id}
			case m.Op().Is(ent.OpDelete | ent.OpDeleteOne):
				action = auditrecord.ActionDELETE
			}
			who := viewer.FromContext(ctx)
			now := time.Now()
			for _, id := range ids {
				var after map[string]any
				if action != auditrecord.ActionDELETE {
					if after, err = snapshot(sys, client, id); err != nil {
						return nil, err
					}
				}
				rec := client.AuditRecord.Create().
					SetAt(now).SetActor(who.Label()).
					SetAction(action).SetEntityType(m.Type()).SetEntityID(id)
				if who != nil {
					if who.UserID != 0 {
						rec.SetActorID(who.UserID)
					}
					if who.TokenID != 0 {
						rec.SetTokenID(who.TokenID)
					}
				}
				if b := before[id]; b != nil {
					rec.SetBefore(b)
				}
				if after != nil {
					rec.SetAfter(after)
				}
				if err := rec.Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
					return nil, fmt.Errorf("audit: record %s %d: %w", m.Type(), id, err)
				}
			}
			return v, nil
		})
	}
}

// snapshot reads a node as a JSON object (sensitive fields are never
// serialised by ent).
func snapshot(ctx context.Context, c *gen.Client, id int) (map[string]any, error) {
	n, err := c.Noder(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("audit: read %d: %w", id, err)
	}
	b, err := json.Marshal(n)
	if err != nil {
		return nil, fmt.Errorf("audit: encode %d: %w", id, err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("audit: decode %d: %w", id, err)
	}
	delete(out, "edges")
	return out, nil
}

func idOf(v ent.Value) (int, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return 0, fmt.Errorf("audit: encode created row: %w", err)
	}
	var x struct {
		ID int `json:"id"`
	}
	if err := json.Unmarshal(b, &x); err != nil || x.ID == 0 {
		return 0, fmt.Errorf("audit: created row has no id")
	}
	return x.ID, nil
}

// bookkeeping tells whether an update only touches usage timestamps, which
// are not changes anyone needs to audit (a token's last use).
func bookkeeping(m ent.Mutation) bool {
	if m.Op().Is(ent.OpCreate | ent.OpDelete | ent.OpDeleteOne) {
		return false
	}
	fields := m.Fields()
	if len(fields) == 0 || len(m.ClearedFields()) > 0 || len(m.AddedEdges()) > 0 || len(m.ClearedEdges()) > 0 {
		return false
	}
	for _, f := range fields {
		if f != "last_used_at" && f != "updated_at" {
			return false
		}
	}
	return true
}
