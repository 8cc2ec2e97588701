-- Archives created before departments existed: everyone and everything joins the archive office
-- (档案室), administrators get the top clearance of the default scale, everyone else 内部.
INSERT INTO departments (code, name, parent_id, created_at, updated_at)
SELECT 'DAS', '档案室', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM departments);
--> statement-breakpoint
UPDATE users SET department_id = (SELECT id FROM departments WHERE code = 'DAS') WHERE department_id IS NULL;
--> statement-breakpoint
UPDATE users SET clearance = CASE WHEN id IN (SELECT user_id FROM user_roles WHERE role = 'admin') THEN 4 ELSE 1 END;
--> statement-breakpoint
UPDATE dossiers SET department_id = (SELECT department_id FROM users WHERE users.id = dossiers.created_by) WHERE department_id IS NULL;
