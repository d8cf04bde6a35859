import type { SignInSchema } from '@schema-builder/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { messageOf } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { AuthLayout, FormError } from './AuthLayout.tsx';
import { deferredResolver } from './deferred-resolver.ts';
import { LockoutNotice } from './LockoutNotice.tsx';
import { retryAfterSecondsOf } from './lockout.ts';
import { signInRoute } from './routes.ts';

type SignInFields = z.input<typeof SignInSchema>;

const validation = deferredResolver<SignInFields, z.output<typeof SignInSchema>>(() =>
  import('./resolvers.ts').then((resolvers) => resolvers.signInResolver),
);

/** Signs the browser in (the session cookie is set by the server) and goes where the user was headed. */
export function SignInPage() {
  const { redirect } = signInRoute.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  const [lockout, setLockout] = useState<{ message: string; until: number }>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignInFields, unknown, z.output<typeof SignInSchema>>({
    resolver: validation.resolver,
    defaultValues: { email: '', password: '' },
  });
  const signIn = useMutation(
    trpc.auth.browserSignIn.mutationOptions({
      onSuccess: async ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        // `redirect` is a path of this app (routes.ts refuses anything else).
        if (redirect) router.history.push(redirect);
        else await router.navigate({ to: '/' });
      },
      onError: (error) => {
        const wait = retryAfterSecondsOf(error);
        if (wait !== undefined) {
          setFormError(undefined);
          setLockout({ message: messageOf(error), until: Date.now() + wait * 1000 });
          return;
        }
        setFormError(applyServerErrors(error, setError, ['email', 'password']));
      },
    }),
  );
  const endLockout = useCallback(() => setLockout(undefined), []);

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          No account yet?{' '}
          <Link to="/sign-up" search={{ redirect }} className="text-sky-700 underline dark:text-sky-400">
            Create an account
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onFocus={validation.preload}
        onSubmit={handleSubmit((credentials) => {
          setFormError(undefined);
          signIn.mutate(credentials);
        })}
      >
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="username"
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError message={formError} />
        {lockout && <LockoutNotice message={lockout.message} until={lockout.until} onOver={endLockout} />}
        <Button type="submit" variant="primary" pending={signIn.isPending} disabled={lockout !== undefined}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
