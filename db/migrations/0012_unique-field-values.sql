CREATE TABLE `dossier_unique_values` (
	`type_id` integer NOT NULL,
	`field_key` text NOT NULL,
	`value` text NOT NULL,
	`dossier_id` integer NOT NULL,
	PRIMARY KEY(`type_id`, `field_key`, `value`, `dossier_id`),
	FOREIGN KEY (`type_id`) REFERENCES `dossier_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `dossier_unique_values_dossier_idx` ON `dossier_unique_values` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `customers_id_code_idx` ON `customers` (`id_code`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
-- The values unique fields already have: VIN fields (unique unless a type says otherwise) and any
-- field a type's version marks unique, as each dossier's own type version defines them.
INSERT OR IGNORE INTO `dossier_unique_values` (`type_id`, `field_key`, `value`, `dossier_id`)
SELECT d.`type_id`, f.value ->> '$.key', d.`fields` ->> ('$.' || (f.value ->> '$.key')), d.`id`
FROM `dossiers` d
JOIN `dossier_type_versions` v ON v.`type_id` = d.`type_id` AND v.`version` = d.`type_version`
JOIN json_each(v.`definition`, '$.fields') f
WHERE coalesce(f.value ->> '$.unique', (f.value ->> '$.search') = 'vin')
  AND d.`fields` ->> ('$.' || (f.value ->> '$.key')) IS NOT NULL
  AND d.`fields` ->> ('$.' || (f.value ->> '$.key')) <> '';
