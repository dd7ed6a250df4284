package schema

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"

	"entgo.io/ent"

	gen "github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/hook"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/privacy"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/viewer"
)

// Hooks of the TaskAssignment: an assignee's due date starts as the task's,
// and the first due date is kept when extensions move it. Doing this on
// write keeps status derivation a pure function of one row, so listing
// assignments with their status costs no extra query.
func (TaskAssignment) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.TaskAssignmentFunc(func(ctx context.Context, m *gen.TaskAssignmentMutation) (ent.Value, error) {
				role, _ := m.Role()
				if _, set := m.DueDate(); !set && doesWork(role) {
					if taskID, ok := m.TaskID(); ok {
						t, err := m.Client().Task.Get(ctx, taskID)
						if err != nil {
							return nil, fmt.Errorf("task of the assignment: %w", err)
						}
						if t.DueDate != nil {
							m.SetDueDate(*t.DueDate)
						}
					}
				}
				if _, set := m.OriginalDueDate(); !set {
					if due, ok := m.DueDate(); ok {
						m.SetOriginalDueDate(due)
					}
				}
				return next.Mutate(ctx, m)
			})
		}, ent.OpCreate),
		hook.On(rollUpCompletion, ent.OpCreate|ent.OpUpdateOne|ent.OpDeleteOne),
	}
}

// doesWork tells whether a role carries out the task (and so has a deadline);
// monitors and report recipients do not.
func doesWork(r taskassignment.Role) bool {
	return r != taskassignment.RoleMONITOR && r != taskassignment.RoleREPORT_RECIPIENT
}

// rollUpCompletion keeps a task's completion equal to its leads': when every
// LEAD assignee has completed, the task is complete on the last of their
// dates; otherwise it is open. Tasks without a lead keep what was set on
// them directly.
func rollUpCompletion(next ent.Mutator) ent.Mutator {
	return hook.TaskAssignmentFunc(func(ctx context.Context, m *gen.TaskAssignmentMutation) (ent.Value, error) {
		var taskID int
		switch {
		case m.Op().Is(ent.OpCreate):
			taskID, _ = m.TaskID()
		case m.Op().Is(ent.OpUpdateOne):
			old, err := m.OldTaskID(ctx)
			if err != nil {
				return nil, fmt.Errorf("task of the assignment: %w", err)
			}
			taskID = old
		default: // delete: read the task before the row goes
			ids, err := m.IDs(ctx)
			if err != nil || len(ids) == 0 {
				return next.Mutate(ctx, m)
			}
			a, err := m.Client().TaskAssignment.Get(privacy.DecisionContext(ctx, privacy.Allow), ids[0])
			if err != nil {
				return next.Mutate(ctx, m)
			}
			taskID = a.TaskID
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || taskID == 0 {
			return v, err
		}
		sys := privacy.DecisionContext(ctx, privacy.Allow)
		leads, err := m.Client().TaskAssignment.Query().
			Where(taskassignment.TaskID(taskID), taskassignment.RoleEQ(taskassignment.RoleLEAD)).
			All(sys)
		if err != nil {
			return nil, fmt.Errorf("leads of task: %w", err)
		}
		if len(leads) == 0 {
			return v, nil
		}
		var done *time.Time
		for _, l := range leads {
			if l.CompletedAt == nil {
				done = nil
				break
			}
			if done == nil || l.CompletedAt.After(*done) {
				done = l.CompletedAt
			}
		}
		upd := m.Client().Task.UpdateOneID(taskID)
		if done == nil {
			upd.ClearCompletedAt()
		} else {
			upd.SetCompletedAt(*done)
		}
		if err := upd.Exec(sys); err != nil {
			return nil, fmt.Errorf("roll up task completion: %w", err)
		}
		return v, nil
	})
}

// Hooks of the Task: when a task's due date changes, assignees who still
// follow the task's date (no extension of their own) move with it.
func (Task) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.TaskFunc(func(ctx context.Context, m *gen.TaskMutation) (ent.Value, error) {
				newDue, set := m.DueDate()
				cleared := m.DueDateCleared()
				if !set && !cleared {
					return next.Mutate(ctx, m)
				}
				id, ok := m.ID()
				if !ok {
					return next.Mutate(ctx, m)
				}
				old, err := m.OldDueDate(ctx)
				if err != nil {
					return nil, fmt.Errorf("old due date: %w", err)
				}
				v, err := next.Mutate(ctx, m)
				if err != nil {
					return nil, err
				}
				upd := m.Client().TaskAssignment.Update().
					Where(taskassignment.TaskID(id), taskassignment.Not(taskassignment.HasExtensions()))
				if old == nil {
					upd.Where(taskassignment.DueDateIsNil())
				} else {
					upd.Where(taskassignment.DueDateEQ(*old))
				}
				if cleared {
					upd.ClearDueDate()
				} else {
					upd.SetDueDate(newDue)
				}
				if _, err := upd.Save(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
					return nil, fmt.Errorf("moving assignees' due dates: %w", err)
				}
				return v, nil
			})
		}, ent.OpUpdateOne),
	}
}

// Hooks of the Report: figures are checked on every write path, not only
// when they arrive through GraphQL.
func (Report) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.ReportFunc(func(ctx context.Context, m *gen.ReportMutation) (ent.Value, error) {
				if f, ok := m.Figures(); ok {
					if err := f.Validate(); err != nil {
						return nil, fmt.Errorf("figures: %w", err)
					}
				}
				return next.Mutate(ctx, m)
			})
		}, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne),
	}
}

// Hooks of the Organization: keep the materialised path (/root/…/id/) that
// subtree scope is computed from, and refuse cycles in the tree.
func (Organization) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.OrganizationFunc(func(ctx context.Context, m *gen.OrganizationMutation) (ent.Value, error) {
				v, err := next.Mutate(ctx, m)
				if err != nil {
					return nil, err
				}
				o := v.(*gen.Organization)
				prefix := "/"
				if o.ParentID != nil {
					p, err := m.Client().Organization.Get(ctx, *o.ParentID)
					if err != nil {
						return nil, fmt.Errorf("parent organization: %w", err)
					}
					prefix = p.Path
				}
				o.Path = prefix + strconv.Itoa(o.ID) + "/"
				if err := m.Client().Organization.UpdateOneID(o.ID).SetPath(o.Path).Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
					return nil, fmt.Errorf("organization path: %w", err)
				}
				return o, nil
			})
		}, ent.OpCreate),
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.OrganizationFunc(func(ctx context.Context, m *gen.OrganizationMutation) (ent.Value, error) {
				newParent, set := m.ParentID()
				if !set && !m.ParentCleared() {
					return next.Mutate(ctx, m)
				}
				id, _ := m.ID()
				oldPath, err := m.OldPath(ctx)
				if err != nil {
					return nil, fmt.Errorf("organization path: %w", err)
				}
				prefix := "/"
				if set {
					p, err := m.Client().Organization.Get(ctx, newParent)
					if err != nil {
						return nil, fmt.Errorf("parent organization: %w", err)
					}
					if oldPath != "" && strings.HasPrefix(p.Path, oldPath) {
						return nil, &gen.ValidationError{Name: "parent"}
					}
					prefix = p.Path
				}
				newPath := prefix + strconv.Itoa(id) + "/"
				m.SetPath(newPath)
				v, err := next.Mutate(ctx, m)
				if err != nil || oldPath == "" || oldPath == newPath {
					return v, err
				}
				err = m.Client().Organization.Update().
					Where(organization.PathHasPrefix(oldPath), organization.IDNEQ(id)).
					Modify(func(u *sql.UpdateBuilder) {
						u.Set(organization.FieldPath, sql.Expr("? || substr("+organization.FieldPath+", ?)", newPath, len(oldPath)+1))
					}).
					Exec(privacy.DecisionContext(ctx, privacy.Allow))
				if err != nil {
					return nil, fmt.Errorf("move subtree: %w", err)
				}
				return v, nil
			})
		}, ent.OpUpdateOne),
	}
}

// Hooks of the SavedQuery: the owner is the account saving it, and the
// document's SHA-256 is kept as the hash embeds send as a persisted query.
func (SavedQuery) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.SavedQueryFunc(func(ctx context.Context, m *gen.SavedQueryMutation) (ent.Value, error) {
				if _, ok := m.OwnerID(); !ok && m.Op().Is(ent.OpCreate) {
					v := viewer.FromContext(ctx)
					if v == nil || v.UserID == 0 {
						return nil, &gen.ValidationError{Name: "owner"}
					}
					m.SetOwnerID(v.UserID)
				}
				if doc, ok := m.Document(); ok {
					sum := sha256.Sum256([]byte(doc))
					m.SetDocumentHash(hex.EncodeToString(sum[:]))
				}
				return next.Mutate(ctx, m)
			})
		}, ent.OpCreate|ent.OpUpdateOne|ent.OpUpdate),
	}
}
