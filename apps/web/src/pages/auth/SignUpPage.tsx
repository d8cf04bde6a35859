import type { SignUpSchema } from '@schema-builder/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { AuthLayout, FormError } from './AuthLayout.tsx';
import { deferredResolver } from './deferred-resolver.ts';
import { signUpRoute } from './routes.ts';

type SignUpFields = z.input<typeof SignUpSchema>;

const validation = deferredResolver<SignUpFields, z.output<typeof SignUpSchema>>(() =>
  import('./resolvers.ts').then((resolvers) => resolvers.signUpResolver),
);

/** Creates an account and signs this browser in at once. */
export function SignUpPage() {
  const { redirect } = signUpRoute.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignUpFields, unknown, z.output<typeof SignUpSchema>>({
    resolver: validation.resolver,
    defaultValues: { name: '', email: '', password: '' },
  });
  const signUp = useMutation(
    trpc.auth.browserSignUp.mutationOptions({
      onSuccess: async ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        // `redirect` is a path of this app (routes.ts refuses anything else).
        if (redirect) router.history.push(redirect);
        else await router.navigate({ to: '/' });
      },
      onError: (error) => setFormError(applyServerErrors(error, setError, ['name', 'email', 'password'])),
    }),
  );

  return (
    <AuthLayout
      title="Create an account"
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" search={{ redirect }} className="text-sky-700 underline dark:text-sky-400">
            Sign in
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onFocus={validation.preload}
        onSubmit={handleSubmit((account) => {
          setFormError(undefined);
          signUp.mutate(account);
        })}
      >
        <TextField
          label="Name"
          autoComplete="name"
          hint="Optional."
          error={errors.name?.message}
          {...register('name')}
        />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          error={errors.password?.message}
          {...register('password')}
        />
        <FormError message={formError} />
        <Button type="submit" variant="primary" pending={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
