/** Reads the uploaded license file of an install request (multipart field `license`, v2: `file`). */
import { parseMultipart } from '../http/multipart.js';
import { badRequest } from '../http/respond.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { header } from '../http/validate.js';
import type { LicenseFileInput } from '../state.js';

export function readLicenseFile(req: SimRequest, field: string, api: 'v3' | 'v2'): LicenseFileInput | SimResponse {
  const parts = parseMultipart(req.body, header(req.headers['content-type']));
  if (!parts) return badRequest(`The license file must be sent as multipart/form-data with the field '${field}'.`);
  const part = parts.find((p) => p.name === field);
  if (!part) return badRequest(`The multipart field '${field}' with the license file is missing.`);
  if (part.data.length === 0) return badRequest('The license file is empty.');
  return { fileName: part.fileName, contentType: part.contentType, bytes: part.data, requestId: req.requestId, api };
}

export function isLicenseFile(value: LicenseFileInput | SimResponse): value is LicenseFileInput {
  return 'bytes' in value;
}
