# A stand-in for keystonemiddleware's auth_token in the live tests' Glance: a fixed map of tokens to
# {project, user, roles} instead of a Keystone. Paste filter; its section names the JSON map:
#
#   [filter:tokenauth]
#   paste.filter_factory = tokenauth:filter_factory
#   tokens_file = /path/to/tokens.json
#
# tokens.json: {"<token>": {"project_id": "...", "user_id": "...", "roles": ["member", "reader"]}}
#
# Like auth_token, it strips every identity header a client sent (so none can be forged), then either
# sets them from the token (X-Identity-Status: Confirmed, X-Project-Id, X-User-Id, X-Roles: what Glance's
# ContextMiddleware reads through oslo.context) or answers 401 with Keystone's JSON body.
import json

# The headers auth_token sets (and so removes from requests), as WSGI environ key prefixes.
_IDENTITY_PREFIXES = (
    'HTTP_X_IDENTITY_STATUS',
    'HTTP_X_SERVICE_',
    'HTTP_X_DOMAIN_',
    'HTTP_X_PROJECT_',
    'HTTP_X_TENANT',
    'HTTP_X_USER',
    'HTTP_X_ROLE',
    'HTTP_X_IS_ADMIN_PROJECT',
    'HTTP_X_SYSTEM_SCOPE',
    'HTTP_OPENSTACK_SYSTEM_SCOPE',
    'HTTP_X_SERVICE_CATALOG',
    'HTTP_X_AUTH_PROJECT_ID',
)

_UNAUTHORIZED = json.dumps({
    'error': {
        'code': 401,
        'title': 'Unauthorized',
        'message': 'The request you have made requires authentication.',
    }
}).encode('utf-8')


class TokenAuth(object):
    def __init__(self, app, tokens_file, www_authenticate_uri):
        self.app = app
        with open(tokens_file, encoding='utf-8') as f:
            self.tokens = json.load(f)
        self.www_authenticate = 'Keystone uri="%s"' % www_authenticate_uri

    def __call__(self, environ, start_response):
        for key in [k for k in environ if k.startswith(_IDENTITY_PREFIXES)]:
            del environ[key]
        identity = self.tokens.get(environ.get('HTTP_X_AUTH_TOKEN', ''))
        if identity is None:
            start_response('401 Unauthorized', [
                ('Content-Type', 'application/json'),
                ('Content-Length', str(len(_UNAUTHORIZED))),
                ('WWW-Authenticate', self.www_authenticate),
            ])
            return [_UNAUTHORIZED]
        environ['HTTP_X_IDENTITY_STATUS'] = 'Confirmed'
        environ['HTTP_X_PROJECT_ID'] = identity['project_id']
        environ['HTTP_X_PROJECT_NAME'] = identity.get('project_name', identity['project_id'])
        environ['HTTP_X_USER_ID'] = identity['user_id']
        environ['HTTP_X_USER_NAME'] = identity.get('user_name', identity['user_id'])
        environ['HTTP_X_ROLES'] = ','.join(identity['roles'])
        return self.app(environ, start_response)


def filter_factory(global_conf, **local_conf):
    conf = dict(global_conf, **local_conf)
    tokens_file = conf['tokens_file']
    uri = conf.get('www_authenticate_uri', 'http://127.0.0.1:5000')

    def _filter(app):
        return TokenAuth(app, tokens_file, uri)

    return _filter
