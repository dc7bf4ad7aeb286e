// The operating systems of the provider's public images, named as the provider writes them in IMS.
import { PLATFORMS, type OsBit, type OsType, type Platform } from '../api/imageTypes';

export interface OsRelease {
  platform: Platform;
  /** `__os_version`, also the public image's name as the provider writes it. */
  version: string;
  osType: OsType;
  bit: OsBit;
  arm: boolean;
  /** Certified for SAP HANA. */
  sap: boolean;
}

const RELEASE_NAMES: Readonly<Record<Platform, readonly string[]>> = {
  Windows: [
    'Windows Server 2008 Enterprise 32bit',
    'Windows Server 2008 R2 Enterprise 64bit',
    'Windows Server 2012 R2 Standard 64bit English',
    'Windows Server 2012 R2 Datacenter 64bit Chinese',
    'Windows Server 2016 Standard 64bit English',
    'Windows Server 2016 Datacenter 64bit Chinese',
    'Windows Server 2019 Datacenter 64bit English',
    'Windows Server 2019 Standard 64bit Chinese',
    'Windows Server 2022 Datacenter 64bit English',
  ],
  Ubuntu: [
    'Ubuntu 14.04 server 64bit',
    'Ubuntu 16.04 server 32bit',
    'Ubuntu 16.04 server 64bit',
    'Ubuntu 18.04 server 64bit',
    'Ubuntu 18.04 server 64bit with ARM',
    'Ubuntu 20.04 server 64bit',
    'Ubuntu 22.04 server 64bit',
    'Ubuntu 22.04 server 64bit with ARM',
    'Ubuntu 24.04 server 64bit',
  ],
  'Red Hat': [
    'Red Hat Enterprise Linux 6.10 64bit',
    'Red Hat Enterprise Linux 7.6 64bit',
    'Red Hat Enterprise Linux for SAP 7.6 64bit',
    'Red Hat Enterprise Linux 7.9 64bit',
    'Red Hat Enterprise Linux 8.4 64bit',
    'Red Hat Enterprise Linux 9.0 64bit',
  ],
  SUSE: [
    'SUSE Linux Enterprise Server 11 SP4 64bit',
    'SUSE Linux Enterprise Server 12 SP5 64bit',
    'SUSE Linux Enterprise Server for SAP 12 SP2 64bit',
    'SUSE Linux Enterprise Server 15 SP3 64bit',
    'SUSE Linux Enterprise Server for SAP 15 SP1 64bit',
  ],
  CentOS: [
    'CentOS 6.10 32bit',
    'CentOS 6.10 64bit',
    'CentOS 7.2 64bit',
    'CentOS 7.3 64bit',
    'CentOS 7.6 64bit',
    'CentOS 7.6 64bit with ARM',
    'CentOS 7.9 64bit',
    'CentOS 8.2 64bit',
    'CentOS Stream 9 64bit',
  ],
  Debian: [
    'Debian 8.2.0 32bit',
    'Debian 8.2.0 64bit',
    'Debian 9.0.0 64bit',
    'Debian 10.0.0 64bit',
    'Debian 10.2.0 64bit with ARM',
    'Debian 11.1.0 64bit',
    'Debian 12.0.0 64bit',
  ],
  OpenSUSE: ['OpenSUSE 42.3 64bit', 'OpenSUSE 15.0 64bit', 'OpenSUSE 15.3 64bit'],
  'Oracle Linux': [
    'Oracle Linux Server release 6.9 64bit',
    'Oracle Linux Server release 7.6 64bit',
    'Oracle Linux 8.4 64bit',
  ],
  Fedora: ['Fedora 29 64bit', 'Fedora 33 64bit', 'Fedora 36 64bit'],
  Other: [
    'Rocky Linux 8.5 64bit',
    'AlmaLinux 9.0 64bit',
    'Kylin Linux Advanced Server V10 64bit (ARM)',
    'FreeBSD 13.1 64bit',
  ],
  CoreOS: ['CoreOS 1298.6.0 64bit', 'CoreOS 2023.4.0 64bit'],
  EulerOS: [
    'EulerOS 2.2 64bit',
    'EulerOS 2.3 64bit',
    'EulerOS 2.5 64bit',
    'EulerOS 2.8 64bit with ARM',
    'Huawei Cloud EulerOS 1.1 CentOS 64bit',
    'Huawei Cloud EulerOS 2.0 Standard 64 bit',
    'Huawei Cloud EulerOS 2.0 Standard 64 bit (ARM)',
  ],
};

/** The provider's names carry the facts: "32bit", "ARM", "for SAP"; FreeBSD is the one non-Linux Unix. */
function toRelease(platform: Platform, version: string): OsRelease {
  return {
    platform,
    version,
    osType: platform === 'Windows' ? 'Windows' : version.startsWith('FreeBSD') ? 'Other' : 'Linux',
    bit: /32 ?bit/.test(version) ? '32' : '64',
    arm: version.includes('ARM'),
    sap: version.includes('for SAP'),
  };
}

const RELEASES_BY_PLATFORM = PLATFORMS.map((platform) =>
  RELEASE_NAMES[platform].map((version) => toRelease(platform, version)),
);
export const ALL_RELEASES = RELEASES_BY_PLATFORM.flat();

/** The item at `index`, counting round and round the list. */
function cyclic<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('cyclic needs a non-empty list');
  return item;
}

/** The i-th public image cycles through platforms first, so even a small catalogue covers all of them. */
export function releaseForPublicImage(index: number): OsRelease {
  return cyclic(cyclic(RELEASES_BY_PLATFORM, index), Math.floor(index / PLATFORMS.length));
}
