package demo

import (
	"context"
	"fmt"
	"sync"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
)

// Password is the password of every demo account. It is published in the
// README: the demo is for trying chidao out, never for real data.
const Password = "chidao-demo"

// User is a demo account: one per role, so that each can be tried.
type User struct {
	Email       string `json:"email"`
	DisplayName string `json:"displayName"`
	Role        string `json:"role"`
	Scope       string `json:"scope"` // organisation key; empty: unscoped
	Clearance   string `json:"clearance"`
}

// SavedQuery is a demo saved query, owned by a demo account.
type SavedQuery struct {
	Owner         string         `json:"owner"` // email of a demo account
	Name          string         `json:"name"`
	Description   string         `json:"description"`
	Document      string         `json:"document"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Sharing       string         `json:"sharing"`
}

// passwordHash hashes Password once per process. argon2id is slow on
// purpose and the demo is loaded by many tests; the accounts share one
// published password, so sharing its salt hides nothing.
var passwordHash = sync.OnceValues(func() (string, error) { return auth.HashPassword(Password) })

// loadAccounts creates the demo accounts and their saved queries, with the
// client of the demo's transaction. It writes through ent with a hash from
// auth.HashPassword, as auth.Service.CreateUser does.
func loadAccounts(ctx context.Context, c *ent.Client, d *Data, ids map[string]int) error {
	hash, err := passwordHash()
	if err != nil {
		return fmt.Errorf("demo password: %w", err)
	}
	for _, u := range d.Users {
		email, err := auth.NormalizeEmail(u.Email)
		if err != nil {
			return fmt.Errorf("user %s: %w", u.Email, err)
		}
		q := c.User.Create().
			SetEmail(email).SetDisplayName(u.DisplayName).SetPasswordHash(hash).
			SetRole(user.Role(u.Role)).SetClearance(user.Clearance(u.Clearance))
		if u.Scope != "" {
			id, ok := ids["org:"+u.Scope]
			if !ok {
				return fmt.Errorf("user %s: unknown organization %q", u.Email, u.Scope)
			}
			q.SetScopeID(id)
		}
		row, err := q.Save(ctx)
		if err != nil {
			return fmt.Errorf("user %s: %w", u.Email, err)
		}
		ids["user:"+email] = row.ID
	}
	for _, s := range d.SavedQueries {
		owner, ok := ids["user:"+s.Owner]
		if !ok {
			return fmt.Errorf("saved query %s: unknown owner %q", s.Name, s.Owner)
		}
		if err := c.SavedQuery.Create().
			SetName(s.Name).SetDescription(s.Description).
			SetDocument(s.Document).SetOperationName(s.OperationName).
			SetVariables(s.Variables).SetSharing(savedquery.Sharing(s.Sharing)).
			SetOwnerID(owner).
			Exec(ctx); err != nil {
			return fmt.Errorf("saved query %s: %w", s.Name, err)
		}
	}
	return nil
}
