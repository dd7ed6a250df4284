package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/status"
	"github.com/chidao/chidao/internal/store"
)

func newTokenCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Manage API tokens: create, list, revoke (quản lý token API)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newTokenCreateCmd(a), newTokenListCmd(a), newTokenRevokeCmd(a))
	return cmd
}

func newTokenCreateCmd(a *app) *cobra.Command {
	var email, name, expires string
	var limit int
	cmd := &cobra.Command{
		Use:   "create --email E [--name N] [--expires 90d|2026-12-31] [--complexity-limit N]",
		Short: "Create an API token for an account; the token alone is the last line printed",
		Long: `Create an API token for an account. The token is printed once, alone on the
last line, so that scripts can take it with tail -1:

  TOKEN=$(chidao token create --email analyst@demo.chidao.vn | tail -1)
  curl -H "Authorization: Bearer $TOKEN" ...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			exp, err := parseExpiry(expires, time.Now())
			if err != nil {
				return err
			}
			in := auth.TokenInput{Name: name, ExpiresAt: exp}
			if cmd.Flags().Changed("complexity-limit") {
				if limit < 1 {
					return fmt.Errorf("complexity limit %d: want at least 1", limit)
				}
				in.ComplexityLimit = &limit
			}
			if in.Name == "" {
				in.Name = "cli " + time.Now().In(status.Zone).Format("2006-01-02 15:04")
			}
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				u, err := findUser(ctx, db.Client, email)
				if err != nil {
					return err
				}
				if u.Disabled {
					return fmt.Errorf("%s is disabled, so its tokens would be refused; enable it first (chidao user enable --email %s)", u.Email, u.Email)
				}
				in.UserID = u.ID
				secret, t, err := svc.CreateToken(ctx, in)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "API token %s %q for %s (%s, %s), expires %s; shown once, keep it secret:\n",
					gid.Encode(t.ID), t.Name, u.Email, u.Role, u.Clearance, expiry(t.ExpiresAt))
				fmt.Fprintln(out, secret)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&email, "email", "", "the account the token acts as")
	fl.StringVar(&name, "name", "", `what the token is for (default "cli" and the time)`)
	fl.StringVar(&expires, "expires", "", "when it stops working: a lifetime (90d, 12w, 36h) or a last day (2026-12-31, Vietnam time); default never")
	fl.IntVar(&limit, "complexity-limit", 0, "most complexity one request with the token may have, instead of the role's budget")
	_ = cmd.MarkFlagRequired("email")
	return cmd
}

func newTokenListCmd(a *app) *cobra.Command {
	var email string
	cmd := &cobra.Command{
		Use:   "list [--email E]",
		Short: "List API and embed tokens, never their secrets (times in Vietnam time, UTC+7)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, _ *auth.Service) error {
				q := db.Client.APIToken.Query().WithUser().Order(apitoken.ByID())
				if email != "" {
					u, err := findUser(ctx, db.Client, email)
					if err != nil {
						return err
					}
					q.Where(apitoken.HasUserWith(user.ID(u.ID)))
				}
				tokens, err := q.All(ctx)
				if err != nil {
					return err
				}
				w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
				fmt.Fprintln(w, "ID\tNAME\tKIND\tPREFIX\tOWNER\tEXPIRES\tREVOKED\tLAST USED")
				for _, t := range tokens {
					owner := ""
					if t.Edges.User != nil {
						owner = t.Edges.User.Email
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s…\t%s\t%s\t%s\t%s\n", gid.Encode(t.ID), t.Name, t.Kind, t.Prefix, owner,
						expiry(t.ExpiresAt), when(t.RevokedAt, "-"), when(t.LastUsedAt, "never"))
				}
				return w.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "only the tokens of this account")
	return cmd
}

func newTokenRevokeCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a token at once (its id from token list, opaque or numeric)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(strings.TrimSpace(args[0]), "APIToken", "token")
			if errors.Is(err, errNotAnID) {
				return fmt.Errorf("%q is not a token id: give the ID column of chidao token list", args[0])
			}
			if err != nil {
				return err
			}
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				t, err := db.Client.APIToken.Query().Where(apitoken.ID(id)).WithUser().Only(ctx)
				if ent.IsNotFound(err) {
					return fmt.Errorf("no token has the id %s", args[0])
				}
				if err != nil {
					return err
				}
				owner := ""
				if t.Edges.User != nil {
					owner = t.Edges.User.Email
				}
				out := cmd.OutOrStdout()
				if t.RevokedAt != nil {
					fmt.Fprintf(out, "token %s %q of %s was already revoked on %s\n", gid.Encode(t.ID), t.Name, owner, when(t.RevokedAt, ""))
					return nil
				}
				if _, err := svc.RevokeToken(ctx, t.ID); err != nil {
					return err
				}
				fmt.Fprintf(out, "revoked token %s %q (%s…) of %s\n", gid.Encode(t.ID), t.Name, t.Prefix, owner)
				return nil
			})
		},
	}
}

var lifetimeRe = regexp.MustCompile(`^(\d+)([dw])$`)

// parseExpiry reads --expires: empty or "never", a lifetime (90d, 12w, or
// a Go duration such as 36h), a last day (2026-12-31: the token works
// through that day in Vietnam) or an RFC 3339 instant.
func parseExpiry(s string, now time.Time) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "never") {
		return nil, nil
	}
	var at time.Time
	if m := lifetimeRe.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 100*366 {
			return nil, fmt.Errorf("--expires %s: too far away", s)
		}
		days := n
		if m[2] == "w" {
			days = 7 * n
		}
		at = now.AddDate(0, 0, days)
	} else if d, err := time.ParseDuration(s); err == nil {
		at = now.Add(d)
	} else if day, err := time.ParseInLocation("2006-01-02", s, status.Zone); err == nil {
		at = day.AddDate(0, 0, 1).Add(-time.Second)
	} else if t, err := time.Parse(time.RFC3339, s); err == nil {
		at = t
	} else {
		return nil, fmt.Errorf("--expires %q: want a lifetime such as 90d, 12w or 36h, or a last day such as 2026-12-31", s)
	}
	if !at.After(now) {
		return nil, fmt.Errorf("--expires %s is in the past", s)
	}
	return &at, nil
}

// expiry formats a token's expiry for people.
func expiry(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return when(t, "")
}
