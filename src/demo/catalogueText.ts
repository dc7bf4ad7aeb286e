// What tenants write into their images: names, tags, descriptions, products. Other tenants' text is
// untrusted and deliberately hostile, so the app proves it renders such text as text.

export const APPS = [
  'billing',
  'checkout',
  'search',
  'crm',
  'erp',
  'gitlab',
  'kafka',
  'redis',
  'mysql',
  'nginx',
  'spark',
  '订单系统',
];
export const ROLES = ['web', 'api', 'worker', 'db', 'cache', 'gateway', 'batch', 'base', 'golden'];
export const VIEWER_TAGS = [
  'env=prod',
  'env=dev',
  'env=test',
  'team=data',
  'team=web',
  'owner=alice',
  'owner=bob',
  'app.web',
  'app.db',
  'cost-center=4711',
];
export const VIEWER_DESCRIPTIONS = [
  'Nightly snapshot of the web tier',
  'Hardened base image (CIS level 1)',
  'Imported from the on-premises VMware farm',
  '生产环境数据库镜像，请勿删除',
];
/** Other tenants' text is untrusted: markup, quotes, ampersands, commas and non-ASCII must all render as text. */
export const UNTRUSTED_TEXT = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("owned")</script>',
  '"golden" image & backups',
  "O'Brien's base, v2",
  '共享镜像-测试环境',
  'Ωmega – “smart” quotes',
];
export const PEER_TAGS = ['env=prod', 'team=ml', 'source=partner', '项目=演示', '<b>bold</b>', 'a&b=c'];
export const MARKET_PRODUCTS = [
  'WordPress 6.4',
  'LAMP Stack',
  'GitLab CE 16.5',
  'Jenkins 2.426',
  'Docker CE 24',
  'MySQL 8.0',
  'Nginx 1.24',
  'Tomcat 9',
  '宝塔Linux面板 8.0',
  'Magento 2.4',
];
export const ENTERPRISE_PROJECTS = [
  '0',
  '0',
  'a7c2e4f6-0b1d-4e3f-9a5b-7c9d1e3f5a7b',
  'c4e6a8b0-2d4f-4a6c-8e0b-2d4f6a8c0e2a',
];
