import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/approvals/execute.js';
import { checkLicenseContent, checkLicenseFileName, toStoredFile } from '../../src/approvals/license-file.js';
import { bytesOf, PROPERTY_LICENSE, SIGN_IN_PAGE, XML_LICENSE } from './fixtures/licenses.js';

describe('checkLicenseContent', () => {
  it('accepts the XML form and the bare property form', () => {
    expect(checkLicenseContent(bytesOf(XML_LICENSE))).toBeNull();
    expect(checkLicenseContent(bytesOf(`\uFEFF${XML_LICENSE}`))).toBeNull();
    expect(checkLicenseContent(bytesOf(PROPERTY_LICENSE))).toBeNull();
    expect(checkLicenseContent(bytesOf(PROPERTY_LICENSE.replace(/\n/g, '\r\n')))).toBeNull();
  });

  it('accepts a UTF-16 file with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(XML_LICENSE, 'utf16le')]);
    expect(checkLicenseContent(new Uint8Array(utf16))).toBeNull();
  });

  it.each([
    ['an HTML sign-in page', SIGN_IN_PAGE, /HTML page/],
    ['an empty file', '', /empty/],
    ['XML without a license element', '<?xml version="1.0"?><config><a>1</a></config>', /no License or Signature/],
    ['plain text', 'hello\nthis is my license, honest\n', /does not look like a Veeam license/],
    ['unrelated properties', 'a=1\nb=2\nc=3\n', /does not look like a Veeam license/],
  ])('refuses %s', (_name, text, reason) => {
    expect(checkLicenseContent(bytesOf(text))).toMatch(reason);
  });

  it('refuses binaries and files over 1 MB', () => {
    expect(checkLicenseContent(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatch(/binary/);
    expect(checkLicenseContent(new Uint8Array(2 * 1024 * 1024).fill(0x41))).toMatch(/larger than 1 MB/);
  });
});

describe('checkLicenseFileName', () => {
  it('takes .lic and .xml only', () => {
    expect(checkLicenseFileName('Acme.LIC')).toBeNull();
    expect(checkLicenseFileName('acme.xml')).toBeNull();
    expect(checkLicenseFileName('acme.zip')).toMatch(/not a license file/);
  });
});

describe('toStoredFile', () => {
  it('records size and sha256 of the bytes', () => {
    const bytes = bytesOf(XML_LICENSE);
    const file = toStoredFile(bytes, 'acme.lic', 'U1', new Date(0));
    expect(file).toMatchObject({
      name: 'acme.lic',
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
      uploadedBy: 'U1',
    });
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
