import customerOrg from '../../../../resources/dossier-types/customer-org.json';
import incident from '../../../../resources/dossier-types/incident.json';
import partner from '../../../../resources/dossier-types/partner.json';
import property from '../../../../resources/dossier-types/property.json';
import vehicleNew from '../../../../resources/dossier-types/vehicle-new.json';
import vehicleService from '../../../../resources/dossier-types/vehicle-service.json';
import { typeDefinitionSchema, type TypeDefinition } from '../../../../shared/dossier-types';

/**
 * The dossier types every archive starts with (resources/dossier-types, bundled at build time):
 * 新车档案 (CL-A), 售后档案 (CL-B), 房产客户档案 (DS-09 groups a–e), 企业客户档案 (DS-20/22),
 * 合作伙伴档案 (DS-24), 事件档案 (一事一档). Administrators edit them; edits become new versions.
 */
export const defaultTypes: readonly TypeDefinition[] = [vehicleNew, vehicleService, property, customerOrg, partner, incident].map((raw) => typeDefinitionSchema.parse(raw));
