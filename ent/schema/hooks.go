package schema

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent"

	gen "github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/hook"
	"github.com/chidao/chidao/ent/taskassignment"
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
		if m.Op().Is(ent.OpCreate) {
			taskID, _ = m.TaskID()
		} else {
			old, err := m.OldTaskID(ctx)
			if err != nil {
				return nil, fmt.Errorf("task of the assignment: %w", err)
			}
			taskID = old
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || taskID == 0 {
			return v, err
		}
		leads, err := m.Client().TaskAssignment.Query().
			Where(taskassignment.TaskID(taskID), taskassignment.RoleEQ(taskassignment.RoleLEAD)).
			All(ctx)
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
		if err := upd.Exec(ctx); err != nil {
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
				if _, err := upd.Save(ctx); err != nil {
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
