-- A chidao database at schema version 0, as an earlier chidao wrote it on
-- SQLite: migrate_test.go loads it into an empty database and checks that
-- Migrate upgrades it to the current schema without losing a row.
--
-- How it was made: `chidao migrate` on an empty data folder, then
-- `SELECT sql FROM sqlite_master` for the DDL, which was then made older by
-- hand (v0.postgres.sql is the same database on PostgreSQL):
--   * no chidao_meta table (the early version kept no schema version);
--   * no deadline_extensions table (extensions came later);
--   * no organizations.locality, reports.review_note, tasks.cancelled
--     (tasks.cancelled is NOT NULL DEFAULT false, so the upgrade must fill
--     it in for existing rows);
--   * no indexes organization_abbreviation, task_due_date,
--     report_review_state, and no UNIQUE index
--     taskassignment_task_id_organization_id_role.
-- The rows follow the demo (Quận ủy Kiến An's dispatch 1416-CV/QU carrying
-- out Kết luận 44-KL/TW), with ids in each type's global-id range as ent
-- gives them; sqlite_sequence follows the explicit ids.

CREATE TABLE `organizations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `short_name` text NULL, `abbreviation` text NULL, `aliases` json NULL, `system` text NOT NULL, `classification` text NOT NULL DEFAULT ('OTHER'), `level` text NOT NULL, `header_parent_name` text NULL, `valid_from` datetime NULL, `valid_to` datetime NULL, `parent_id` integer NULL, `successor_id` integer NULL, CONSTRAINT `organizations_organizations_children` FOREIGN KEY (`parent_id`) REFERENCES `organizations` (`id`) ON DELETE RESTRICT, CONSTRAINT `organizations_organizations_predecessors` FOREIGN KEY (`successor_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
CREATE INDEX `organization_updated_at` ON `organizations` (`updated_at`);
CREATE INDEX `organization_parent_id` ON `organizations` (`parent_id`);
CREATE INDEX `organization_successor_id` ON `organizations` (`successor_id`);
CREATE INDEX `organization_name` ON `organizations` (`name`);
CREATE INDEX `organization_system_level` ON `organizations` (`system`, `level`);
CREATE INDEX `organization_classification` ON `organizations` (`classification`);

CREATE TABLE `persons` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `full_name` text NOT NULL, `other_names` json NULL);
CREATE INDEX `person_updated_at` ON `persons` (`updated_at`);
CREATE INDEX `person_full_name` ON `persons` (`full_name`);

CREATE TABLE `memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `post_title` text NOT NULL, `role` text NOT NULL DEFAULT ('OTHER'), `start_date` datetime NULL, `end_date` datetime NULL, `organization_id` integer NOT NULL, `person_id` integer NOT NULL, CONSTRAINT `memberships_organizations_memberships` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE CASCADE, CONSTRAINT `memberships_persons_memberships` FOREIGN KEY (`person_id`) REFERENCES `persons` (`id`) ON DELETE CASCADE);
CREATE INDEX `membership_updated_at` ON `memberships` (`updated_at`);
CREATE INDEX `membership_person_id` ON `memberships` (`person_id`);
CREATE INDEX `membership_organization_id_post_title_start_date` ON `memberships` (`organization_id`, `post_title`, `start_date`);

CREATE TABLE `directives` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `symbol` text NOT NULL, `number` integer NULL, `type_code` text NULL, `doc_type` text NOT NULL DEFAULT ('OTHER'), `system` text NOT NULL, `issuer_code` text NULL, `header_parent_text` text NULL, `place` text NULL, `issue_date` datetime NULL, `subject` text NULL, `full_text` text NULL, `signer_name` text NULL, `signer_post` text NULL, `authority` text NULL, `authority_text` text NULL, `on_behalf_of` text NULL, `status` text NOT NULL DEFAULT ('ISSUED'), `secrecy` text NOT NULL DEFAULT ('NONE'), `urgency` text NOT NULL DEFAULT ('NONE'), `by_reference` bool NOT NULL DEFAULT (false), `source_url` text NULL, `issuer_id` integer NULL, `acting_body_id` integer NULL, `signer_id` integer NULL, CONSTRAINT `directives_organizations_issued_directives` FOREIGN KEY (`issuer_id`) REFERENCES `organizations` (`id`) ON DELETE RESTRICT, CONSTRAINT `directives_organizations_acted_directives` FOREIGN KEY (`acting_body_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL, CONSTRAINT `directives_persons_signed_directives` FOREIGN KEY (`signer_id`) REFERENCES `persons` (`id`) ON DELETE SET NULL);
CREATE INDEX `directive_updated_at` ON `directives` (`updated_at`);
CREATE UNIQUE INDEX `directive_issuer_id_type_code_number_issue_date` ON `directives` (`issuer_id`, `type_code`, `number`, `issue_date`);
CREATE INDEX `directive_acting_body_id` ON `directives` (`acting_body_id`);
CREATE INDEX `directive_signer_id` ON `directives` (`signer_id`);
CREATE INDEX `directive_symbol` ON `directives` (`symbol`);
CREATE INDEX `directive_issue_date` ON `directives` (`issue_date`);
CREATE INDEX `directive_doc_type_issue_date` ON `directives` (`doc_type`, `issue_date`);
CREATE INDEX `directive_status` ON `directives` (`status`);
CREATE INDEX `directive_secrecy` ON `directives` (`secrecy`);
CREATE INDEX `directive_by_reference` ON `directives` (`by_reference`);

CREATE TABLE `directive_references` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `relation` text NOT NULL DEFAULT ('CITES'), `cited_text` text NULL, `cited_symbol` text NULL, `cited_date` datetime NULL, `cited_issuer_text` text NULL, `ordinal` integer NOT NULL DEFAULT (0), `source_id` integer NOT NULL, `target_id` integer NULL, CONSTRAINT `directive_references_directives_references` FOREIGN KEY (`source_id`) REFERENCES `directives` (`id`) ON DELETE CASCADE, CONSTRAINT `directive_references_directives_cited_by` FOREIGN KEY (`target_id`) REFERENCES `directives` (`id`) ON DELETE SET NULL);
CREATE INDEX `directivereference_updated_at` ON `directive_references` (`updated_at`);
CREATE INDEX `directivereference_source_id_ordinal` ON `directive_references` (`source_id`, `ordinal`);
CREATE INDEX `directivereference_target_id_relation` ON `directive_references` (`target_id`, `relation`);
CREATE INDEX `directivereference_cited_symbol` ON `directive_references` (`cited_symbol`);

CREATE TABLE `recipients` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `text` text NOT NULL, `kind` text NOT NULL, `purpose_note` text NULL, `ordinal` integer NOT NULL DEFAULT (0), `directive_id` integer NOT NULL, `organization_id` integer NULL, CONSTRAINT `recipients_directives_recipients` FOREIGN KEY (`directive_id`) REFERENCES `directives` (`id`) ON DELETE CASCADE, CONSTRAINT `recipients_organizations_received` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
CREATE INDEX `recipient_updated_at` ON `recipients` (`updated_at`);
CREATE INDEX `recipient_directive_id_ordinal` ON `recipients` (`directive_id`, `ordinal`);
CREATE INDEX `recipient_organization_id_kind` ON `recipients` (`organization_id`, `kind`);

CREATE TABLE `tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `section_path` text NOT NULL, `ordinal` integer NOT NULL DEFAULT (0), `text` text NOT NULL, `summary` text NULL, `kind` text NOT NULL DEFAULT ('ONE_OFF'), `deadline_kind` text NOT NULL DEFAULT ('NONE'), `due_date` datetime NULL, `due_text` text NULL, `recurrence` text NULL, `expected_output` text NULL, `completed_at` datetime NULL, `directive_id` integer NOT NULL, `parent_id` integer NULL, `implements_id` integer NULL, CONSTRAINT `tasks_directives_tasks` FOREIGN KEY (`directive_id`) REFERENCES `directives` (`id`) ON DELETE CASCADE, CONSTRAINT `tasks_tasks_children` FOREIGN KEY (`parent_id`) REFERENCES `tasks` (`id`) ON DELETE CASCADE, CONSTRAINT `tasks_tasks_implemented_by` FOREIGN KEY (`implements_id`) REFERENCES `tasks` (`id`) ON DELETE SET NULL);
CREATE INDEX `task_updated_at` ON `tasks` (`updated_at`);
CREATE INDEX `task_directive_id_ordinal` ON `tasks` (`directive_id`, `ordinal`);
CREATE INDEX `task_parent_id` ON `tasks` (`parent_id`);
CREATE INDEX `task_implements_id` ON `tasks` (`implements_id`);
CREATE INDEX `task_kind` ON `tasks` (`kind`);
CREATE INDEX `task_completed_at` ON `tasks` (`completed_at`);

CREATE TABLE `task_assignments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `verb` text NULL, `progress` integer NOT NULL DEFAULT (0), `progress_note` text NULL, `completed_at` datetime NULL, `due_date` datetime NULL, `original_due_date` datetime NULL, `organization_id` integer NOT NULL, `task_id` integer NOT NULL, CONSTRAINT `task_assignments_organizations_assignments` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE RESTRICT, CONSTRAINT `task_assignments_tasks_assignments` FOREIGN KEY (`task_id`) REFERENCES `tasks` (`id`) ON DELETE CASCADE);
CREATE INDEX `taskassignment_updated_at` ON `task_assignments` (`updated_at`);
CREATE INDEX `taskassignment_organization_id_role` ON `task_assignments` (`organization_id`, `role`);
CREATE INDEX `taskassignment_due_date` ON `task_assignments` (`due_date`);
CREATE INDEX `taskassignment_completed_at` ON `task_assignments` (`completed_at`);

CREATE TABLE `reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `period_start` datetime NULL, `period_end` datetime NULL, `submitted_at` datetime NULL, `text` text NULL, `figures` json NULL, `review_state` text NOT NULL DEFAULT ('SUBMITTED'), `reviewed_at` datetime NULL, `directive_id` integer NULL, `organization_id` integer NOT NULL, `task_id` integer NULL, `assignment_id` integer NULL, CONSTRAINT `reports_directives_reports` FOREIGN KEY (`directive_id`) REFERENCES `directives` (`id`) ON DELETE SET NULL, CONSTRAINT `reports_organizations_reports` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE RESTRICT, CONSTRAINT `reports_tasks_reports` FOREIGN KEY (`task_id`) REFERENCES `tasks` (`id`) ON DELETE SET NULL, CONSTRAINT `reports_task_assignments_reports` FOREIGN KEY (`assignment_id`) REFERENCES `task_assignments` (`id`) ON DELETE SET NULL);
CREATE INDEX `report_updated_at` ON `reports` (`updated_at`);
CREATE INDEX `report_organization_id_period_end` ON `reports` (`organization_id`, `period_end`);
CREATE INDEX `report_task_id_period_end` ON `reports` (`task_id`, `period_end`);
CREATE INDEX `report_directive_id` ON `reports` (`directive_id`);
CREATE INDEX `report_assignment_id` ON `reports` (`assignment_id`);
CREATE INDEX `report_submitted_at` ON `reports` (`submitted_at`);

-- Rows. Columns are named so that the file reads on its own.

-- organizations: ids 17179869185… (the organisation range starts at 4·2^32).
-- A tree: Trung ương → Ban Bí thư, Thành ủy Hải Phòng → Quận ủy Kiến An →
-- its Ban Thường vụ; the district Red Cross sits under the city's.
INSERT INTO organizations (id, created_at, updated_at, name, short_name, abbreviation, aliases, system, classification, level, header_parent_name, valid_from, valid_to, parent_id, successor_id) VALUES
  (17179869185, '2023-03-10 08:00:00+00:00', '2023-03-10 08:00:00+00:00', 'Ban Chấp hành Trung ương Đảng', 'BCH Trung ương', 'TW', '["Trung ương Đảng","BCH TW","Ban Chấp hành Trung ương"]', 'PARTY', 'PARTY_COMMITTEE', 'CENTRAL', NULL, NULL, NULL, NULL, NULL),
  (17179869186, '2023-03-10 08:00:01+00:00', '2023-03-10 08:00:01+00:00', 'Ban Bí thư Trung ương Đảng', NULL, 'TW', '["Ban Bí thư","Ban Bí thư khóa XIII"]', 'PARTY', 'PARTY_SECRETARIAT', 'CENTRAL', NULL, NULL, NULL, 17179869185, NULL),
  (17179869187, '2023-03-10 08:00:02+00:00', '2023-03-10 08:00:02+00:00', 'Thành ủy Hải Phòng', NULL, 'TU', '["Thành ủy","Thành ủy TP Hải Phòng"]', 'PARTY', 'PARTY_COMMITTEE', 'PROVINCIAL', 'Đảng bộ TP Hải Phòng', NULL, NULL, 17179869185, NULL),
  (17179869188, '2023-03-10 08:00:03+00:00', '2023-04-02 09:30:00+00:00', 'Quận ủy Kiến An', NULL, 'QU', '["Quận ủy"]', 'PARTY', 'PARTY_COMMITTEE', 'DISTRICT', 'Đảng bộ TP Hải Phòng', '2020-10-01 00:00:00+00:00', NULL, 17179869187, NULL),
  (17179869189, '2023-03-10 08:00:04+00:00', '2023-03-10 08:00:04+00:00', 'Ban Thường vụ Quận ủy Kiến An', 'BTV Quận ủy', 'QU', NULL, 'PARTY', 'PARTY_STANDING_COMMITTEE', 'DISTRICT', 'Đảng bộ TP Hải Phòng', NULL, NULL, 17179869188, NULL),
  (17179869190, '2023-03-10 08:00:05+00:00', '2023-03-10 08:00:05+00:00', 'Hội Chữ thập đỏ thành phố Hải Phòng', NULL, NULL, '["Hội Chữ thập đỏ thành phố"]', 'FRONT', 'MASS_ASSOCIATION', 'PROVINCIAL', NULL, NULL, NULL, NULL, NULL),
  (17179869191, '2023-03-10 08:00:06+00:00', '2023-03-10 08:00:06+00:00', 'Hội Chữ thập đỏ quận Kiến An', NULL, 'CTĐ', '["Hội Chữ thập đỏ quận","Hội CTĐ quận"]', 'FRONT', 'MASS_ASSOCIATION', 'DISTRICT', NULL, NULL, '2025-06-30 00:00:00+00:00', 17179869190, NULL);

-- persons: ids 21474836481…
INSERT INTO persons (id, created_at, updated_at, full_name, other_names) VALUES
  (21474836481, '2023-03-10 08:01:00+00:00', '2023-03-10 08:01:00+00:00', 'Bùi Thị Tuyết Mai', NULL);

-- memberships: ids 12884901889…
INSERT INTO memberships (id, created_at, updated_at, post_title, role, start_date, end_date, organization_id, person_id) VALUES
  (12884901889, '2023-03-10 08:01:01+00:00', '2023-03-10 08:01:01+00:00', 'Phó Bí thư Quận ủy', 'DEPUTY_HEAD', '2020-10-01 00:00:00+00:00', NULL, 17179869188, 21474836481);

-- directives: ids 4294967297…; 809-CV/TU is known only because 1416-CV/QU
-- cites it (by_reference).
INSERT INTO directives (id, created_at, updated_at, symbol, number, type_code, doc_type, system, issuer_code, header_parent_text, place, issue_date, subject, full_text, signer_name, signer_post, authority, authority_text, on_behalf_of, status, secrecy, urgency, by_reference, source_url, issuer_id, acting_body_id, signer_id) VALUES
  (4294967297, '2023-03-10 08:02:00+00:00', '2023-03-10 08:02:00+00:00', '44-KL/TW', 44, 'KL', 'KET_LUAN', 'PARTY', 'TW', 'BAN CHẤP HÀNH TRUNG ƯƠNG', 'Hà Nội', '2022-11-14 00:00:00+00:00', 'về tiếp tục thực hiện Chỉ thị số 43-CT/TW, ngày 08/6/2010 của Ban Bí thư khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam', NULL, NULL, NULL, 'TM', 'T/M BAN BÍ THƯ', 'Ban Bí thư', 'ISSUED', 'NONE', 'NONE', 0, NULL, 17179869185, 17179869186, NULL),
  (4294967298, '2023-03-10 08:02:01+00:00', '2023-03-10 08:02:01+00:00', '809-CV/TU', 809, 'CV', 'CONG_VAN', 'PARTY', 'TU', NULL, NULL, '2023-02-06 00:00:00+00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'ISSUED', 'NONE', 'NONE', 1, NULL, 17179869187, NULL, NULL),
  (4294967299, '2023-03-10 08:02:02+00:00', '2023-03-12 10:00:00+00:00', '1416-CV/QU', 1416, 'CV', 'CONG_VAN', 'PARTY', 'QU', 'ĐẢNG BỘ TP HẢI PHÒNG', 'Kiến An', '2023-03-06 00:00:00+00:00', 'V/v thực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư Trung ương Đảng', 'Thực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư Trung ương Đảng…', 'Bùi Thị Tuyết Mai', 'Phó Bí thư', 'TM', 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ', 'Ban Thường vụ', 'ISSUED', 'NONE', 'NONE', 0, NULL, 17179869188, 17179869189, 21474836481);

-- directive_references: ids 8589934593…; 43-CT/TW is not registered yet,
-- so its citation has no target.
INSERT INTO directive_references (id, created_at, updated_at, relation, cited_text, cited_symbol, cited_date, cited_issuer_text, ordinal, source_id, target_id) VALUES
  (8589934593, '2023-03-10 08:03:00+00:00', '2023-03-10 08:03:00+00:00', 'IMPLEMENTS', 'V/v thực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư Trung ương Đảng', '44-KL/TW', '2022-11-14 00:00:00+00:00', 'Ban Bí thư Trung ương Đảng', 0, 4294967299, 4294967297),
  (8589934594, '2023-03-10 08:03:01+00:00', '2023-03-10 08:03:01+00:00', 'CITES', 'Công văn số 809-CV/TU, ngày 06/02/2023 của Ban Thường vụ Thành ủy về thực hiện Kết luận số 44-KL/TW', '809-CV/TU', '2023-02-06 00:00:00+00:00', 'Ban Thường vụ Thành ủy', 1, 4294967299, 4294967298),
  (8589934595, '2023-03-10 08:03:02+00:00', '2023-03-10 08:03:02+00:00', 'CITES', 'Chỉ thị số 43-CT/TW, ngày 08/6/2010 của Ban Bí thư khóa X', '43-CT/TW', '2010-06-08 00:00:00+00:00', 'Ban Bí thư khóa X', 2, 4294967299, NULL);

-- recipients: ids 25769803777…
INSERT INTO recipients (id, created_at, updated_at, text, kind, purpose_note, ordinal, directive_id, organization_id) VALUES
  (25769803777, '2023-03-10 08:04:00+00:00', '2023-03-10 08:04:00+00:00', 'Hội Chữ thập đỏ quận', 'ADDRESSEE', NULL, 0, 4294967299, 17179869191),
  (25769803778, '2023-03-10 08:04:01+00:00', '2023-03-10 08:04:01+00:00', 'Thường trực Thành ủy', 'FOR_REPORT', 'để b/c', 1, 4294967299, 17179869187),
  (25769803779, '2023-03-10 08:04:02+00:00', '2023-03-10 08:04:02+00:00', 'Lưu Văn phòng Quận ủy', 'ARCHIVE', NULL, 2, 4294967299, NULL);

-- tasks: ids 34359738369…
INSERT INTO tasks (id, created_at, updated_at, section_path, ordinal, text, summary, kind, deadline_kind, due_date, due_text, recurrence, expected_output, completed_at, directive_id, parent_id, implements_id) VALUES
  (34359738369, '2023-03-10 08:05:00+00:00', '2023-03-10 08:05:00+00:00', '3', 3, 'Hội Chữ thập đỏ quận tiếp tục củng cố, kiện toàn tổ chức Hội từ quận đến cơ sở; định kỳ báo cáo kết quả với cấp ủy, chính quyền cùng cấp.', 'Củng cố, kiện toàn tổ chức Hội Chữ thập đỏ', 'RECURRING', 'RECURRING', '2024-06-30 00:00:00+00:00', 'định kỳ', 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30', 'báo cáo', NULL, 4294967299, NULL, NULL),
  (34359738370, '2023-03-10 08:05:01+00:00', '2023-04-25 16:00:00+00:00', '5', 5, 'Các Ban xây dựng đảng, Văn phòng Quận ủy, Trung tâm Chính trị quận quán triệt và chỉ đạo thực hiện công văn này.', 'Quán triệt và chỉ đạo thực hiện', 'ONE_OFF', 'BY_MONTH', '2023-04-30 00:00:00+00:00', 'trong tháng 4/2023', NULL, NULL, '2023-04-25 00:00:00+00:00', 4294967299, NULL, NULL);

-- task_assignments: ids 38654705665…
INSERT INTO task_assignments (id, created_at, updated_at, role, verb, progress, progress_note, completed_at, due_date, original_due_date, organization_id, task_id) VALUES
  (38654705665, '2023-03-10 08:06:00+00:00', '2024-01-08 07:00:00+00:00', 'LEAD', 'củng cố, kiện toàn', 70, 'Đã kiện toàn tổ chức Hội ở 2 phường', NULL, '2024-06-30 00:00:00+00:00', '2024-06-30 00:00:00+00:00', 17179869191, 34359738369),
  (38654705666, '2023-03-10 08:06:01+00:00', '2023-03-10 08:06:01+00:00', 'REPORT_RECIPIENT', 'báo cáo', 0, NULL, NULL, NULL, NULL, 17179869189, 34359738369),
  (38654705667, '2023-03-10 08:06:02+00:00', '2023-04-25 16:00:00+00:00', 'LEAD', 'quán triệt', 100, NULL, '2023-04-25 00:00:00+00:00', '2023-04-30 00:00:00+00:00', '2023-04-30 00:00:00+00:00', 17179869189, 34359738370);

-- reports: ids 30064771073…; figures are indicator → number.
INSERT INTO reports (id, created_at, updated_at, period_start, period_end, submitted_at, text, figures, review_state, reviewed_at, directive_id, organization_id, task_id, assignment_id) VALUES
  (30064771073, '2023-07-05 02:30:00+00:00', '2023-07-10 03:00:00+00:00', '2023-01-01 00:00:00+00:00', '2023-06-30 00:00:00+00:00', '2023-07-05 02:30:00+00:00', 'Báo cáo sơ kết 6 tháng đầu năm 2023 công tác Hội và phong trào chữ thập đỏ quận.', '{"don_vi_mau_tiep_nhan":640,"hoi_vien_moi":312,"tien_ho_tro_trieu_dong":415.5}', 'ACCEPTED', '2023-07-10 03:00:00+00:00', 4294967299, 17179869191, 34359738369, 38654705665),
  (30064771074, '2024-01-08 07:00:00+00:00', '2024-01-08 07:00:00+00:00', '2023-07-01 00:00:00+00:00', '2023-12-31 00:00:00+00:00', '2024-01-08 07:00:00+00:00', 'Báo cáo tổng kết năm 2023 công tác Hội và phong trào chữ thập đỏ quận.', '{"hoi_vien_moi":287,"tinh_nguyen_vien_moi":64}', 'SUBMITTED', NULL, 4294967299, 17179869191, 34359738369, 38654705665);
