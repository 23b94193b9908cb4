/** A license file shaped like Veeam's (XML around `Name=Value` properties); invented values, no real license. */
export const CLOUD_CONNECT_LICENSE = `<?xml version="1.0" encoding="utf-8"?>
<Licenses><License><![CDATA[Company=Skyline Cloud Services
E-mail=licensing@example.com
Edition=Enterprise Plus
Expiration date=31/12/2027
License type=Rental
License ID=00000000-0000-4000-8000-0000000000c2
Product=Veeam Cloud Connect
Version=12.x]]></License><Signature>djJ0ZXN0c2lnbmF0dXJl</Signature></Licenses>
`;
